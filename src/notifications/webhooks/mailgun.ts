import { createHmac, timingSafeEqual } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { ReplayGuard } from "../../lib/replay-guard"
import type { StatusReport } from "../../modules/notifications/types"

/** Mailgun signs webhooks with a timestamp; older (or further ahead) than this is refused. */
export const MAILGUN_MAX_AGE_MS = 5 * 60_000
const replays = new ReplayGuard(2 * MAILGUN_MAX_AGE_MS)

export interface MailgunWebhookBody {
  signature?: { timestamp?: string; token?: string; signature?: string }
  "event-data"?: {
    event?: string
    severity?: string
    timestamp?: number
    reason?: string
    message?: { headers?: { "message-id"?: string } }
    "delivery-status"?: { code?: number; message?: string; description?: string }
  }
}

const unauthorized = (message: string) => new MedusaError(MedusaError.Types.UNAUTHORIZED, message)

/**
 * Checks Mailgun's signature: HMAC-SHA256 of timestamp + token with the webhook signing key, a
 * fresh timestamp, and a token not seen before.
 */
export function verifyMailgunSignature(body: MailgunWebhookBody, signingKey: string | undefined, now = Date.now()): void {
  if (!signingKey) throw unauthorized("Mailgun webhooks are refused: the webhookSigningKey setting is empty")
  const { timestamp, token, signature } = body.signature ?? {}
  if (!timestamp || !token || !signature) throw unauthorized("Mailgun webhook: signature is missing")
  const expected = createHmac("sha256", signingKey).update(`${timestamp}${token}`).digest()
  const given = Buffer.from(signature, "hex")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized("Mailgun webhook: bad signature")
  if (Math.abs(now - Number(timestamp) * 1000) > MAILGUN_MAX_AGE_MS) throw unauthorized("Mailgun webhook: stale timestamp")
  if (!replays.firstUse(token, now)) throw unauthorized("Mailgun webhook: token already used")
}

/** The status a Mailgun event reports, or null for events that do not change delivery (opens, clicks, temporary failures). */
export function mailgunStatusReport(body: MailgunWebhookBody): StatusReport | null {
  const event = body["event-data"]
  const messageId = event?.message?.headers?.["message-id"]
  if (!event || !messageId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Mailgun webhook: "event-data.message.headers.message-id" is missing')
  }
  const at = event.timestamp ? new Date(event.timestamp * 1000) : undefined
  const external_id = messageId.replace(/^<|>$/g, "")
  if (event.event === "delivered") return { provider: "mailgun", external_id, status: "delivered", at }
  if (event.event === "failed" && event.severity === "permanent") {
    const status = event["delivery-status"]
    const reason = [status?.code, status?.description || status?.message || event.reason].filter(Boolean).join(" ")
    return { provider: "mailgun", external_id, status: "bounced", reason: reason || "permanent failure", at }
  }
  return null
}
