import { createHmac, timingSafeEqual } from "crypto"
import { readBody, sendJson, startLocalServer } from "../helpers/local-server"

export interface ReceivedWebhook {
  method: string
  path: string
  body: any
  /** The signature matched the secret and the timestamp was fresh. */
  verified: boolean
}

export type WebhookAnswer = { status: number; body: unknown }

const CONTENT = "/webhooks/strapi/content"
const WITHDRAWALS = "/webhooks/strapi/content-withdrawals"

/** What Medusa answers a valid request: ok to a ping, stored content, removed content. */
export const acceptAll = (request: ReceivedWebhook): WebhookAnswer => {
  if (request.path.endsWith("/ping")) return { status: 200, body: { ok: true } }
  if (request.path === WITHDRAWALS) return { status: 200, body: { removed: true, medusa_id: request.body?.medusa_id } }
  return { status: 200, body: { stored: true, medusa_id: request.body?.medusa_id } }
}

/**
 * Stands in for Medusa's `/webhooks/strapi/*` routes in the Strapi plugin's own tests: checks each
 * request's signature, records it, and answers what the test scripts (200 by default).
 */
export async function startMedusaWebhookReceiver(secret: string) {
  const received: ReceivedWebhook[] = []
  let answer: (request: ReceivedWebhook) => WebhookAnswer = acceptAll
  const server = await startLocalServer(async (req, res) => {
    const raw = (await readBody(req)).toString("utf8")
    const timestamp = String(req.headers["x-commerce-bridge-timestamp"] ?? "")
    const given = Buffer.from(String(req.headers["x-commerce-bridge-signature"] ?? ""), "hex")
    const expected = createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest()
    const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300
    const verified = fresh && given.length === expected.length && timingSafeEqual(given, expected)
    const request = { method: req.method!, path: req.url!, body: raw ? JSON.parse(raw) : undefined, verified }
    received.push(request)
    const { status, body } = verified ? answer(request) : { status: 401, body: { message: "bad signature" } }
    sendJson(res, status, body)
  })
  return {
    url: server.url,
    received,
    /** Content deliveries only (not pings or catalogue-sync calls). */
    deliveries: () => received.filter((request) => request.path === CONTENT),
    /** Withdrawals of unpublished or deleted content. */
    withdrawals: () => received.filter((request) => request.path === WITHDRAWALS),
    answerWith(next: (request: ReceivedWebhook) => WebhookAnswer) {
      answer = next
    },
    close: () => server.close(),
  }
}
