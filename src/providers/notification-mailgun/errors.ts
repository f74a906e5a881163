import { safeErrorMessage } from "../../lib/redact"
import { VendorDeliveryError, isTransientStatus } from "../../notifications/delivery-errors"

/**
 * A mailgun.js failure as a delivery verdict. 429 and 5xx are worth retrying (mailgun.js does not
 * expose response headers, so the queue's backoff paces retries); 400 (bad address or message),
 * 401 (key) and 404 (domain) need a person, so they go to the dead-letter queue for a replay.
 */
export function mailgunFailure(error: unknown, secrets: string[]): VendorDeliveryError {
  const reported = (error as { status?: unknown })?.status
  const status = !networkFailure(error) && typeof reported === "number" ? reported : undefined
  const details = (error as { details?: unknown })?.details
  const text = typeof details === "string" && details ? details : error instanceof Error ? error.message : String(error)
  const detail = safeErrorMessage(new Error(status ? `HTTP ${status}: ${text}` : text), secrets)
  return new VendorDeliveryError("Mailgun", isTransientStatus(status) ? "transient" : "permanent", detail)
}

/**
 * mailgun.js reports a request that got no response (refused, reset, timed out) as status 400
 * with the Node error code as its message; a real answer carries the HTTP status text instead.
 */
function networkFailure(error: unknown): boolean {
  return /^(E[A-Z]+|ERR_[A-Z_]+)$/.test((error as Error)?.message ?? "")
}
