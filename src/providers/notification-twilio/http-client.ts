import twilio from "twilio"
import { parseRetryAfter } from "../../notifications/delivery-errors"


/**
 * Twilio's RestException drops the response headers, so a 429's Retry-After would be lost. This
 * client attaches it to the exception it throws itself; the SDK passes such an error through.
 */
export class RetryAfterRequestClient extends twilio.RequestClient {
  async request<T>(options: Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0] & { data?: T }) {
    const response = await super.request<T>(options as any)
    const retryAfterMs = response.statusCode >= 400 ? parseRetryAfter(response.headers?.["retry-after"]) : 0
    if (retryAfterMs > 0) {
      throw Object.assign(new twilio.RestException(response), { retryAfterMs })
    }
    return response
  }
}
