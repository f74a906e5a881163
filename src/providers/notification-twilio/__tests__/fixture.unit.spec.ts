/**
 * Drives integration-tests/__fixtures__/twilio.ts with the official, unmodified twilio SDK (6.2).
 *
 * Pointing the SDK at the fixture, two supported ways (both tested below):
 *  - `client.api.baseUrl = fixture.url` — `baseUrl` is a public property of every Domain; covers client.messages
 *    and client.api.v2010.* (edge/region only rewrite the hostname, so they cannot select http://127.0.0.1:port).
 *  - `twilio(sid, token, { httpClient })` with a RequestClient subclass that rewrites the origin — the documented
 *    custom-HTTP-client hook; it covers every domain and is also where Retry-After can be captured.
 *
 * FINDING: RestException keeps only status, code, message, moreInfo and details — no headers. Retry-After is
 * reachable (a) from `client.httpClient.lastResponse.headers` right after the failure (shared per client, so not
 * safe with concurrent sends), or (b) from a custom httpClient, which receives `{ statusCode, body, headers }` and
 * can throw its own RestException carrying the headers (the SDK passes a thrown error straight through).
 * `autoRetry: true` retries 429s with jittered exponential backoff but ignores Retry-After.
 */
import twilio from "twilio"
import type RequestClient from "twilio/lib/base/RequestClient"
import {
  TWILIO_TEST_ACCOUNT_SID as ACCOUNT_SID,
  TWILIO_TEST_AUTH_TOKEN as AUTH_TOKEN,
  TwilioFixture,
  startTwilioFixture,
  twilioSignature,
} from "../../../../integration-tests/__fixtures__/twilio"

const API_KEY_SID = "SK11111111111111111111111111111111"
const RATE_LIMITED = {
  status: 429,
  headers: { "Retry-After": "2" },
  body: { code: 20429, message: "Too Many Requests", more_info: "https://www.twilio.com/docs/errors/20429", status: 429 },
}


/** Sends every SDK request to the fixture; failures become RestExceptions that also carry the response headers. */
class FixtureRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super()
  }
  async request<T>(opts: RequestClient.RequestOptions<T>) {
    const { pathname, search } = new URL(opts.uri)
    const response = await super.request<T>({ ...opts, uri: `${this.baseUrl}${pathname}${search}` })
    if (response.statusCode >= 400) throw Object.assign(new twilio.RestException(response), { headers: response.headers })
    return response
  }
}

let fixture: TwilioFixture
beforeAll(async () => {
  fixture = await startTwilioFixture({
    accounts: { [ACCOUNT_SID]: { authToken: AUTH_TOKEN, apiKeys: { [API_KEY_SID]: "key-secret" } } },
  })
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const viaBaseUrl = (username = ACCOUNT_SID, password = AUTH_TOKEN, opts: twilio.ClientOpts = {}) => {
  const client = twilio(username, password, opts)
  client.api.baseUrl = fixture.url
  return client
}
const caught = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error("expected a rejection")), (error) => error)

describe("Twilio fixture driven by the twilio SDK", () => {
  it("creates an SMS and answers 201 with a full Message resource", async () => {
    const client = viaBaseUrl()
    const message = await client.messages.create({ to: "+15005550006", from: "+15005550001", body: "Your order shipped", statusCallback: "https://shop.test/hooks/twilio" })

    expect(message).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      accountSid: ACCOUNT_SID,
      to: "+15005550006",
      from: "+15005550001",
      body: "Your order shipped",
      status: "queued",
      numSegments: "1",
      direction: "outbound-api",
      errorCode: null,
      errorMessage: null,
      price: null,
      apiVersion: "2010-04-01",
      dateCreated: expect.any(Date),
      uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${message.sid}.json`,
    })
    expect(Number.isNaN(message.dateCreated.getTime())).toBe(false)
    expect(fixture.messages).toEqual([
      {
        sid: message.sid,
        accountSid: ACCOUNT_SID,
        to: "+15005550006",
        from: "+15005550001",
        messagingServiceSid: null,
        body: "Your order shipped",
        mediaUrls: [],
        contentSid: null,
        statusCallback: "https://shop.test/hooks/twilio",
        receivedAt: expect.any(Date),
      },
    ])
    const withInfo = await client.messages.createWithHttpInfo({ to: "+15005550006", from: "+15005550001", body: "again" })
    expect(withInfo.statusCode).toBe(201)
    const fetched = await client.messages(message.sid).fetch()
    expect(fetched.sid).toBe(message.sid)
    const account = await client.api.v2010.accounts(ACCOUNT_SID).fetch()
    expect(account).toMatchObject({ sid: ACCOUNT_SID, status: "active" })
  })

  it("accepts messaging services, media, long and unicode bodies, and API key auth", async () => {
    const client = viaBaseUrl(API_KEY_SID, "key-secret", { accountSid: ACCOUNT_SID })
    const viaService = await client.messages.create({
      to: "whatsapp:+15005550006",
      messagingServiceSid: "MG00000000000000000000000000000000",
      mediaUrl: ["https://shop.test/a.png", "https://shop.test/b.png"],
    })
    expect(viaService).toMatchObject({ sid: expect.stringMatching(/^MM/), status: "accepted", from: null, numMedia: "2" })
    expect(fixture.messages[0].mediaUrls).toEqual(["https://shop.test/a.png", "https://shop.test/b.png"])

    const long = await client.messages.create({ to: "+15005550006", from: "+15005550001", body: "x".repeat(161) })
    const unicode = await client.messages.create({ to: "+15005550006", from: "+15005550001", body: "✓".repeat(71) })
    expect([long.numSegments, unicode.numSegments]).toEqual(["2", "2"])
  })

  it("validates like Twilio and surfaces RestExceptions with code and status", async () => {
    const client = viaBaseUrl()
    const failure = (params: any) => caught(client.messages.create(params)).then((e) => [e instanceof twilio.RestException, e.status, e.code, e.message])

    expect(await failure({ to: "555-0100", from: "+15005550001", body: "hi" })).toEqual([true, 400, 21211, "Invalid 'To' Phone Number: 555-0100"])
    expect(await failure({ to: "+15005550006", body: "hi" })).toEqual([true, 400, 21603, "A 'From' phone number is required."])
    expect(await failure({ to: "+15005550006", from: "+15005550001" })).toEqual([true, 400, 21602, "Message body is required."])
    expect(await failure({ to: "whatsapp:+15005550006", from: "+15005550001", body: "hi" })).toEqual([
      true,
      400,
      21910,
      "Invalid 'From' and 'To' pair. 'From' and 'To' should be of the same channel",
    ])
    expect(await caught(viaBaseUrl(ACCOUNT_SID, "wrong").messages.create({ to: "+15005550006", from: "+15005550001", body: "hi" }))).toMatchObject({
      status: 401,
      code: 20003,
      message: "Authenticate",
      moreInfo: "https://www.twilio.com/docs/errors/20003",
    })
    expect(fixture.messages).toHaveLength(0)
  })

  it("plays a scripted 429: status on the RestException, Retry-After only on lastResponse", async () => {
    const client = viaBaseUrl()
    fixture.failNext(1, RATE_LIMITED)
    const error = await caught(client.messages.create({ to: "+15005550006", from: "+15005550001", body: "hi" }))
    expect(error).toBeInstanceOf(twilio.RestException)
    expect(error).toMatchObject({ status: 429, code: 20429, message: "Too Many Requests" })
    expect(error).not.toHaveProperty("headers")
    expect(client.httpClient.lastResponse).toMatchObject({ statusCode: 429, headers: expect.objectContaining({ "retry-after": "2" }) })
    await expect(client.messages.create({ to: "+15005550006", from: "+15005550001", body: "hi" })).resolves.toMatchObject({ status: "queued" })
  })

  it("can be reached through a custom httpClient that exposes Retry-After", async () => {
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: new FixtureRequestClient(fixture.url) })
    fixture.failNext(1, RATE_LIMITED)
    const error = await caught(client.messages.create({ to: "+15005550006", from: "+15005550001", body: "hi" }))
    expect(error).toBeInstanceOf(twilio.RestException)
    expect(error).toMatchObject({ status: 429, code: 20429, headers: expect.objectContaining({ "retry-after": "2" }) })

    const message = await client.messages.create({ to: "+15005550006", from: "+15005550001", body: "hi" })
    expect(message.sid).toBe(fixture.messages[0].sid)
    expect(fixture.requests).toBe(2)
  })

  it("autoRetry retries a 429 on its own; latency applies to every request", async () => {
    const client = viaBaseUrl(ACCOUNT_SID, AUTH_TOKEN, { autoRetry: true, maxRetries: 2 })
    fixture.failNext(1, RATE_LIMITED)
    fixture.setLatency(100)
    const started = Date.now()
    await expect(client.messages.create({ to: "+15005550006", from: "+15005550001", body: "hi" })).resolves.toMatchObject({ status: "queued" })
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(fixture.requests).toBe(2)
    expect(fixture.messages).toHaveLength(1)
  })

  it("computes X-Twilio-Signature exactly as twilio.validateRequest expects", () => {
    const url = "https://shop.test/hooks/twilio?store=main"
    const params = { MessageSid: "SM123", MessageStatus: "delivered", To: "+15005550006", AccountSid: ACCOUNT_SID }
    const signature = twilioSignature(AUTH_TOKEN, url, params)
    expect(signature).toMatch(/^[A-Za-z0-9+/]{27}=$/)
    expect(twilio.validateRequest(AUTH_TOKEN, signature, url, params)).toBe(true)
    expect(twilio.validateRequest(AUTH_TOKEN, signature, url, { ...params, MessageStatus: "failed" })).toBe(false)
    expect(twilio.validateRequest("other-token", signature, url, params)).toBe(false)
    const repeated = { MediaUrl: ["https://b.test", "https://a.test"], Body: "hi" }
    expect(twilio.validateRequest(AUTH_TOKEN, twilioSignature(AUTH_TOKEN, url, repeated), url, repeated)).toBe(true)
  })
})
