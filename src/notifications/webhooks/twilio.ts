import { MedusaError } from "@medusajs/framework/utils"
import twilio from "twilio"
import type { TwilioConfig } from "../../modules/bridge/integrations/twilio"
import type { DeliveryStatus, StatusReport } from "../../modules/notifications/types"

const unauthorized = (message: string) => new MedusaError(MedusaError.Types.UNAUTHORIZED, message)

/**
 * Checks `X-Twilio-Signature` with the SDK's own validator: HMAC-SHA1 with the account's auth
 * token over the callback URL Twilio called and the posted parameters.
 */
export function verifyTwilioSignature(config: TwilioConfig, signature: string | undefined, url: string, params: Record<string, string>) {
  if (!config.authToken) throw unauthorized("Twilio webhooks are refused: the authToken setting is empty (Twilio signs with it)")
  if (!signature) throw unauthorized("Twilio webhook: X-Twilio-Signature is missing")
  if (!twilio.validateRequest(config.authToken, signature, url, params)) throw unauthorized("Twilio webhook: bad signature")
}

const FINAL: Record<string, DeliveryStatus> = { delivered: "delivered", read: "delivered", undelivered: "undelivered", failed: "failed" }

/** The status Twilio reports, or null while the message is still on its way (queued, sending, sent). */
export function twilioStatusReport(params: Record<string, string>): StatusReport | null {
  const sid = params.MessageSid || params.SmsSid
  if (!sid || !params.MessageStatus) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Twilio webhook: MessageSid and MessageStatus are required")
  }
  const status = FINAL[params.MessageStatus]
  if (!status) return null
  const reason = params.ErrorCode ? `Twilio error ${params.ErrorCode}${params.ErrorMessage ? `: ${params.ErrorMessage}` : ""}` : null
  return { provider: "twilio", external_id: sid, status, reason }
}
