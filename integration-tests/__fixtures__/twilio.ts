import crypto from "crypto"
import type { IncomingMessage, ServerResponse } from "http"
import { readBody, sendJson, startLocalServer } from "../helpers/local-server"
import { FaultScript, ScriptedFault, sendFault } from "./fault-script"

export type { ScriptedFault }

/** A local imitation of Twilio's REST API 2010-04-01 Messages resource, for pointing the official twilio SDK at in tests. */

export interface TwilioAccount {
  authToken: string
  /** API key sid ("SK...") -> secret. */
  apiKeys?: Record<string, string>
}

export interface TwilioFixtureOptions {
  /** Default `{ AC00000000000000000000000000000000: { authToken: "test-auth-token" } }`. */
  accounts?: Record<string, TwilioAccount>
}

export interface TwilioRecordedMessage {
  sid: string
  accountSid: string
  to: string
  from: string | null
  messagingServiceSid: string | null
  body: string | null
  mediaUrls: string[]
  contentSid: string | null
  statusCallback: string | null
  receivedAt: Date
}


export interface TwilioFixture {
  url: string
  messages: TwilioRecordedMessage[]
  /** Requests received since start (or the last reset), including rejected ones. */
  readonly requests: number
  failNext(count: number, fault: ScriptedFault): void
  setLatency(ms: number): void
  /** Clears messages, scripted faults, latency and the request count. */
  reset(): void
  close(): Promise<void>
}

export const TWILIO_TEST_ACCOUNT_SID = "AC00000000000000000000000000000000"
export const TWILIO_TEST_AUTH_TOKEN = "test-auth-token"
const API = "/2010-04-01"

export async function startTwilioFixture(options: TwilioFixtureOptions = {}): Promise<TwilioFixture> {
  const accounts = options.accounts ?? { [TWILIO_TEST_ACCOUNT_SID]: { authToken: TWILIO_TEST_AUTH_TOKEN } }
  const messages: TwilioRecordedMessage[] = []
  const resources = new Map<string, Record<string, unknown>>()
  const script = new FaultScript()

  const server = await startLocalServer((req, res) => {
    handle(req, res).catch((error) => sendJson(res, 500, twilioError(500, 20500, String(error))))
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req)
    await script.delay()
    const path = new URL(req.url!, "http://fixture").pathname
    const accountSid = /^\/2010-04-01\/Accounts\/(AC[0-9a-zA-Z]{32})(?:[./]|$)/.exec(path)?.[1]
    if (!accountSid || authenticatedAccount(req.headers.authorization) !== accountSid) {
      res.setHeader("www-authenticate", 'Basic realm="Twilio API"')
      return sendJson(res, 401, { ...twilioError(401, 20003, "Authenticate"), detail: "Your AccountSid or AuthToken was incorrect." })
    }
    const account = `${API}/Accounts/${accountSid}`
    if (req.method === "GET" && path === `${account}.json`) return sendJson(res, 200, accountResource(accountSid))
    const fetched = req.method === "GET" && new RegExp(`^${account}/Messages/((?:SM|MM)[0-9a-f]{32})\\.json$`).exec(path)
    if (fetched && resources.has(fetched[1])) return sendJson(res, 200, resources.get(fetched[1]))
    if (req.method !== "POST" || path !== `${account}/Messages.json`) {
      return sendJson(res, 404, twilioError(404, 20404, `The requested resource ${path} was not found`))
    }

    const fault = script.take()
    if (fault) return sendFault(res, fault, (message) => twilioError(fault.status, 20000 + fault.status, message))
    const result = createMessage(accountSid, new URLSearchParams(body.toString("utf8")))
    if ("code" in result) return sendJson(res, 400, result)
    messages.push(result.record)
    resources.set(result.record.sid, result.resource)
    sendJson(res, 201, result.resource)
  }

  function authenticatedAccount(header: string | undefined): string | undefined {
    const [scheme, encoded] = (header ?? "").split(" ")
    if (scheme !== "Basic" || !encoded) return undefined
    const decoded = Buffer.from(encoded, "base64").toString("utf8")
    const [user, secret] = [decoded.slice(0, decoded.indexOf(":")), decoded.slice(decoded.indexOf(":") + 1)]
    if (accounts[user]?.authToken === secret) return user
    return Object.entries(accounts).find(([, account]) => account.apiKeys?.[user] === secret)?.[0]
  }

  return {
    url: server.url,
    messages,
    get requests() {
      return server.requests.length
    },
    failNext: (count, fault) => script.failNext(count, fault),
    setLatency: (ms) => script.setLatency(ms),
    reset() {
      messages.length = 0
      resources.clear()
      server.requests.length = 0
      script.reset()
    },
    close: () => server.close(),
  }
}

const E164 = /^\+[1-9]\d{1,14}$/
const isWhatsApp = (address: string) => address.startsWith("whatsapp:")

function createMessage(accountSid: string, form: URLSearchParams) {
  const param = (name: string) => form.get(name) || null
  const to = param("To")
  const from = param("From")
  const messagingServiceSid = param("MessagingServiceSid")
  const body = param("Body")
  const contentSid = param("ContentSid")
  const mediaUrls = form.getAll("MediaUrl")
  if (!to) return twilioError(400, 21604, "A 'To' phone number is required.")
  if (!E164.test(to.replace(/^whatsapp:/, ""))) return twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`)
  if (!from && !messagingServiceSid) return twilioError(400, 21603, "A 'From' phone number is required.")
  if (from && isWhatsApp(from) !== isWhatsApp(to)) {
    return twilioError(400, 21910, "Invalid 'From' and 'To' pair. 'From' and 'To' should be of the same channel")
  }
  if (!body && !mediaUrls.length && !contentSid) return twilioError(400, 21602, "Message body is required.")

  // Twilio gives MMS messages an "MM" sid and answers "accepted" while a messaging service picks the sender.
  const sid = (mediaUrls.length ? "MM" : "SM") + crypto.randomBytes(16).toString("hex")
  const now = rfc2822(new Date())
  const uri = `${API}/Accounts/${accountSid}/Messages/${sid}.json`
  const resource = {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body: body ?? "",
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from,
    messaging_service_sid: messagingServiceSid,
    num_media: String(mediaUrls.length),
    num_segments: String(segmentCount(body ?? "")),
    price: null,
    price_unit: "USD",
    sid,
    status: messagingServiceSid ? "accepted" : "queued",
    subresource_uris: { media: uri.replace(/\.json$/, "/Media.json") },
    to,
    uri,
  }
  const statusCallback = param("StatusCallback")
  const record = { sid, accountSid, to, from, messagingServiceSid, body, mediaUrls, contentSid, statusCallback, receivedAt: new Date() }
  return { record, resource }
}

function accountResource(sid: string) {
  const created = rfc2822(new Date(0))
  const uri = `${API}/Accounts/${sid}.json`
  return {
    sid,
    owner_account_sid: sid,
    friendly_name: "CommerceBridge test account",
    status: "active",
    type: "Full",
    date_created: created,
    date_updated: created,
    uri,
    subresource_uris: { messages: uri.replace(/\.json$/, "/Messages.json") },
  }
}

const GSM7 =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const GSM7_EXTENDED = "^{}\\[~]|€\f"

/** SMS segments: 160/153 GSM-7 septets (extension characters take two), else 70/67 UTF-16 units. */
function segmentCount(body: string): number {
  let septets = 0
  for (const char of body) {
    if (GSM7.includes(char)) septets += 1
    else if (GSM7_EXTENDED.includes(char)) septets += 2
    else return body.length <= 70 ? 1 : Math.ceil(body.length / 67)
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153)
}

function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }
}

/** "Sun, 22 Nov 2026 17:01:02 +0000", the date format of Twilio's 2010 API. */
const rfc2822 = (date: Date) => date.toUTCString().replace("GMT", "+0000")

/**
 * X-Twilio-Signature as Twilio documents it: base64 HMAC-SHA1 (key = auth token) over the full URL followed by each
 * POST parameter's name and value, sorted by name. Repeated values are sorted and de-duplicated, as twilio-node does.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]> = {}): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, name) => {
      const values = params[name]
      return acc + (Array.isArray(values) ? [...new Set(values)].sort().map((value) => name + value).join("") : name + values)
    }, url)
  return crypto.createHmac("sha1", authToken).update(Buffer.from(data, "utf-8")).digest("base64")
}
