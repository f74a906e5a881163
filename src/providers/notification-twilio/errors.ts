import { safeErrorMessage } from "../../lib/redact"
import { VendorDeliveryError, isTransientStatus } from "../../notifications/delivery-errors"

/** Twilio error codes that mean "this recipient can never get this message as sent". */
const PERMANENT_CODES = new Set([
  21211, // invalid 'To' number
  21408, // region not enabled
  21610, // recipient replied STOP
  21612, // 'To' not reachable from this 'From'
  21614, // 'To' is not a mobile number
  63003, // WhatsApp: invalid channel address
])

/**
 * A Twilio RestException as a delivery verdict: 429 (code 20429) and 5xx are worth retrying, after
 * the Retry-After the client recorded; a bad or unsubscribed number and rejected credentials are not.
 */
export function twilioFailure(error: unknown, secrets: string[]): VendorDeliveryError {
  const { status, code, message, retryAfterMs } = error as { status?: number; code?: number; message?: string; retryAfterMs?: number }
  const permanent = (code !== undefined && PERMANENT_CODES.has(code)) || !isTransientStatus(status)
  const label = [status ? `HTTP ${status}` : null, code ? `code ${code}` : null].filter(Boolean).join(", ")
  const detail = safeErrorMessage(new Error(label ? `${label}: ${message}` : String(message ?? error)), secrets)
  return new VendorDeliveryError("Twilio", permanent ? "permanent" : "transient", detail, retryAfterMs ?? 0)
}
