import crypto from "crypto"
import type { IncomingMessage, ServerResponse } from "http"
import { readBody, sendJson, startLocalServer } from "../helpers/local-server"
import { FaultScript, ScriptedFault, sendFault } from "./fault-script"

export type { ScriptedFault }

/** A local imitation of Mailgun's v3 sending API, for pointing the official mailgun.js SDK at in tests. */

export interface MailgunFixtureOptions {
  apiKey?: string // accepted private key (Basic auth `api:<key>`), default "key-test"
  domains?: string[] // sending domains that exist, default ["mg.test"]
}

export interface MailgunAttachment { filename: string; contentType: string; size: number }

export interface MailgunRecordedMessage {
  id: string
  domain: string
  from: string
  to: string[]
  cc: string[]
  bcc: string[]
  subject?: string
  text?: string
  html?: string
  tags: string[]
  /** Raw values of o:tracking, o:tracking-clicks and o:tracking-opens ("yes", "no", "htmlonly"...). */
  tracking: { enabled?: string; clicks?: string; opens?: string }
  headers: Record<string, string>
  variables: Record<string, string>
  recipientVariables: object | undefined
  attachments: MailgunAttachment[]
  receivedAt: Date
}


export interface MailgunFixture {
  url: string
  apiKey: string
  messages: MailgunRecordedMessage[]
  /** Requests received since start (or the last reset), including rejected ones. */
  readonly requests: number
  /** Of those, the sending attempts (`POST /v3/:domain/messages`), refused ones included; health checks are not. */
  readonly sendAttempts: number
  failNext(count: number, fault: ScriptedFault): void
  setLatency(ms: number): void
  /** Clears messages, scripted faults, latency and the request count. */
  reset(): void
  close(): Promise<void>
}

const MAX_RECIPIENTS = 1000

export async function startMailgunFixture(options: MailgunFixtureOptions = {}): Promise<MailgunFixture> {
  const apiKey = options.apiKey ?? "key-test"
  const domains = new Set(options.domains ?? ["mg.test"])
  const messages: MailgunRecordedMessage[] = []
  const script = new FaultScript()

  const server = await startLocalServer((req, res) => {
    handle(req, res).catch((error) => sendJson(res, 500, { message: String(error) }))
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req)
    await script.delay()
    if (req.headers.authorization !== basicAuth("api", apiKey)) {
      res.writeHead(401, { "content-type": "text/plain" }).end("Forbidden")
      return
    }
    const path = new URL(req.url!, "http://fixture").pathname
    const domainRoute = /^\/v[34]\/domains\/([^/]+)$/.exec(path) // v3 by raw callers, v4 by mailgun.js domains.get
    if (req.method === "GET" && domainRoute) {
      const name = decodeURIComponent(domainRoute[1])
      if (!domains.has(name)) return sendJson(res, 404, { message: "Domain not found" })
      return sendJson(res, 200, { domain: { name, state: "active" }, receiving_dns_records: [], sending_dns_records: [] })
    }
    const messagesRoute = /^\/v3\/([^/]+)\/messages$/.exec(path)
    if (req.method !== "POST" || !messagesRoute) return sendJson(res, 404, { message: "Not Found" })

    const fault = script.take()
    if (fault) return sendFault(res, fault, (message) => ({ message }))
    const domain = decodeURIComponent(messagesRoute[1])
    if (!domains.has(domain)) return sendJson(res, 404, { message: `Domain not found: ${domain}` })
    const result = acceptMessage(domain, parseForm(req.headers["content-type"] ?? "", body))
    if (typeof result === "string") return sendJson(res, 400, { message: result })
    messages.push(result)
    sendJson(res, 200, { id: result.id, message: "Queued. Thank you." })
  }

  return {
    url: server.url,
    apiKey,
    messages,
    get requests() {
      return server.requests.length
    },
    get sendAttempts() {
      return server.requests.filter((request) => request.method === "POST" && /\/messages(\?|$)/.test(request.url)).length
    },
    failNext: (count, fault) => script.failNext(count, fault),
    setLatency: (ms) => script.setLatency(ms),
    reset() {
      messages.length = 0
      server.requests.length = 0
      script.reset()
    },
    close: () => server.close(),
  }
}

interface FormPart { name: string; value: string; file?: MailgunAttachment }

/** Validates like Mailgun (same wording) and returns the recorded message, or the 400 error message. */
function acceptMessage(domain: string, parts: FormPart[]): MailgunRecordedMessage | string {
  const all = (name: string) => parts.filter((part) => part.name === name).map((part) => part.value)
  const one = (name: string) => all(name)[0]
  const addresses = (name: string) => all(name).flatMap(splitAddresses)

  const from = one("from")
  const to = addresses("to")
  const cc = addresses("cc")
  const bcc = addresses("bcc")
  if (!from) return "'from' parameter is missing"
  if (!isAddress(from)) return "'from' parameter is not a valid address. please check documentation"
  if (!to.length) return "'to' parameter is missing"
  for (const [name, list] of [["to", to], ["cc", cc], ["bcc", bcc]] as const) {
    if (list.some((address) => !isAddress(address))) return `'${name}' parameter is not a valid address. please check documentation`
  }
  if (to.length + cc.length + bcc.length > MAX_RECIPIENTS) return `Too many recipients, max is ${MAX_RECIPIENTS}`
  if (!["text", "html", "amp-html", "template"].some((name) => one(name))) {
    return "Need at least one of 'text', 'html', 'amp-html' or 'template' parameters specified"
  }
  const recipientVariables = parseJson(one("recipient-variables"))
  if (recipientVariables === null) return "'recipient-variables' parameter is not a valid JSON"
  const prefixed = (prefix: string) =>
    Object.fromEntries(parts.filter((part) => part.name.startsWith(prefix)).map((part) => [part.name.slice(prefix.length), part.value]))

  return {
    id: `<${timestampId()}.${crypto.randomBytes(8).toString("hex")}@${domain}>`,
    domain,
    from,
    to,
    cc,
    bcc,
    subject: one("subject"),
    text: one("text"),
    html: one("html"),
    tags: all("o:tag"),
    tracking: { enabled: one("o:tracking"), clicks: one("o:tracking-clicks"), opens: one("o:tracking-opens") },
    headers: prefixed("h:"),
    variables: prefixed("v:"),
    recipientVariables,
    attachments: parts.filter((part) => part.name === "attachment" && part.file).map((part) => part.file!),
    receivedAt: new Date(),
  }
}

function parseForm(contentType: string, body: Buffer): FormPart[] {
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    return [...new URLSearchParams(body.toString("utf8"))].map(([name, value]) => ({ name, value }))
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return boundary ? parseMultipart(body, boundary[1] ?? boundary[2]) : []
}

/** Minimal RFC 7578 multipart/form-data parser (enough for FormData as sent by undici and the form-data package). */
function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  // Every delimiter is "\r\n--boundary"; prefixing CRLF lets the first one match too. A part is "\r\n<head>\r\n\r\n<data>".
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  const stream = Buffer.concat([Buffer.from("\r\n"), body])
  const parts: FormPart[] = []
  let start = stream.indexOf(delimiter)
  while (start !== -1) {
    const contentStart = start + delimiter.length
    if (stream.subarray(contentStart, contentStart + 2).toString() === "--") break // closing delimiter
    const next = stream.indexOf(delimiter, contentStart)
    if (next === -1) break
    const raw = stream.subarray(contentStart + 2, next)
    const headerEnd = raw.indexOf("\r\n\r\n")
    const head = raw.subarray(0, headerEnd).toString("utf8")
    const data = raw.subarray(headerEnd + 4)
    const name = /;\s*name="([^"]*)"/.exec(head)?.[1] ?? ""
    const filename = /;\s*filename="([^"]*)"/.exec(head)?.[1]
    const contentType = /^content-type:\s*(.+)$/im.exec(head)?.[1].trim() ?? "application/octet-stream"
    parts.push(filename === undefined ? { name, value: data.toString("utf8") } : { name, value: "", file: { filename, contentType, size: data.length } })
    start = next
  }
  return parts
}

/** Splits "a@x.test, \"Doe, Jane\" <j@x.test>" on the commas that are outside double quotes. */
const splitAddresses = (list: string) => list.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((address) => address.trim()).filter(Boolean)

function isAddress(value: string): boolean {
  const address = /<([^>]*)>\s*$/.exec(value)?.[1] ?? value.trim()
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)
}

/** undefined when absent, null when not valid JSON. */
function parseJson(text: string | undefined): object | undefined | null {
  try {
    return text === undefined ? undefined : JSON.parse(text)
  } catch {
    return null
  }
}

const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`

/** "20261122170102" — Mailgun message ids start with the UTC send time. */
const timestampId = () => new Date().toISOString().replace(/\D/g, "").slice(0, 14)

export type MailgunWebhookEvent = "accepted" | "delivered" | "failed" | "opened" | "clicked" | "complained" | "unsubscribed"

export interface MailgunWebhookInput {
  signingKey: string
  event: MailgunWebhookEvent
  messageId: string // as returned by the send call; the brackets are stripped, as in Mailgun's payloads
  recipient: string
  timestamp?: number // unix seconds, default now
  token?: string // default 50 random hex characters, as Mailgun sends
  severity?: "permanent" | "temporary" // "failed" only, default "permanent"
  url?: string // "clicked" only
}

const DELIVERY_STATUS = {
  delivered: { code: 250, message: "OK", description: "", "attempt-no": 1 },
  permanent: { code: 550, message: "5.1.1 The email account that you tried to reach does not exist.", description: "", "attempt-no": 1 },
  temporary: { code: 421, message: "4.7.0 Try again later", description: "", "attempt-no": 1, "retry-seconds": 600 },
}

/** Builds a webhook body signed the way Mailgun signs it: hex HMAC-SHA256(signingKey, timestamp + token). */
export function mailgunWebhookPayload(input: MailgunWebhookInput) {
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000)
  const token = input.token ?? crypto.randomBytes(25).toString("hex")
  const signature = crypto.createHmac("sha256", input.signingKey).update(`${timestamp}${token}`).digest("hex")
  const severity = input.event === "failed" ? input.severity ?? "permanent" : undefined
  const deliveryStatus = input.event === "delivered" ? DELIVERY_STATUS.delivered : severity && DELIVERY_STATUS[severity]
  const eventData = {
    event: input.event,
    id: crypto.randomBytes(11).toString("base64url"),
    timestamp: timestamp + 0.123456,
    "log-level": severity === "permanent" ? "error" : severity || input.event === "complained" ? "warn" : "info",
    ...(severity && { severity, reason: severity === "permanent" ? "bounce" : "generic" }),
    recipient: input.recipient,
    "recipient-domain": input.recipient.split("@")[1],
    ...(input.event === "clicked" && { url: input.url ?? "https://example.com/" }),
    tags: [] as string[],
    "user-variables": {},
    ...(deliveryStatus && { "delivery-status": deliveryStatus }),
    message: { headers: { "message-id": input.messageId.replace(/^<|>$/g, "") } },
  }
  return { signature: { timestamp: String(timestamp), token, signature }, "event-data": eventData }
}
