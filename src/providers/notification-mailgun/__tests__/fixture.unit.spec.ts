/**
 * Drives integration-tests/__fixtures__/mailgun.ts with the official, unmodified mailgun.js SDK.
 *
 * FINDING (mailgun.js 14.0.1): errors do NOT expose response headers, so Retry-After is unreachable.
 * The SDK catches the axios error and rethrows `new APIError({ status, statusText, body })`, which keeps only
 * `status`, `message` (body.error || HTTP status text), `details` (body.message, or the raw text body) and
 * `type: "MailgunAPIError"`; `response`, `headers` and `config` are dropped, and the bundled axios instance is
 * private (no interceptors). A provider that must honour Retry-After has to make the send request itself
 * (fetch + FormData against `${url}/v3/${domain}/messages`) or fall back to its own backoff on status 429.
 * Also: with the built-in FormData, a Buffer attachment's `contentType` is dropped (it arrives as
 * application/octet-stream); with the `form-data` package it is kept.
 */
import FormDataPackage from "form-data"
import Mailgun from "mailgun.js"
import {
  MailgunFixture,
  mailgunWebhookPayload,
  startMailgunFixture,
} from "../../../../integration-tests/__fixtures__/mailgun"
import crypto from "crypto"

let fixture: MailgunFixture
beforeAll(async () => {
  fixture = await startMailgunFixture({ apiKey: "key-1", domains: ["mg.test"] })
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const client = (key = "key-1", formData: any = FormData) => new Mailgun(formData).client({ username: "api", key, url: fixture.url })
const caught = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error("expected a rejection")), (error) => error)

describe("Mailgun fixture driven by mailgun.js", () => {
  it("records a full message sent with the built-in FormData", async () => {
    const result = await client().messages.create("mg.test", {
      from: "Shop <shop@mg.test>",
      to: ["a@example.com", '"Doe, Jane" <jane@example.com>, b@example.com'],
      cc: "c@example.com",
      bcc: "d@example.com",
      subject: "Your order",
      text: "Thanks",
      html: "<p>Thanks</p>",
      "o:tag": ["order", "transactional"],
      "o:tracking": true,
      "o:tracking-clicks": "htmlonly",
      "o:tracking-opens": false,
      "h:X-Order-Id": "order_1",
      "v:notification_id": "noti_1",
      "recipient-variables": JSON.stringify({ "a@example.com": { name: "A" } }),
      attachment: { filename: "invoice.pdf", data: Buffer.from("%PDF-1.4 fake"), contentType: "application/pdf" },
    })

    expect(result).toEqual({ status: 200, id: expect.stringMatching(/^<\d{14}\.[0-9a-f]{16}@mg\.test>$/), message: "Queued. Thank you." })
    expect(fixture.messages).toEqual([
      {
        id: result.id,
        domain: "mg.test",
        from: "Shop <shop@mg.test>",
        to: ["a@example.com", '"Doe, Jane" <jane@example.com>', "b@example.com"],
        cc: ["c@example.com"],
        bcc: ["d@example.com"],
        subject: "Your order",
        text: "Thanks",
        html: "<p>Thanks</p>",
        tags: ["order", "transactional"],
        tracking: { enabled: "yes", clicks: "htmlonly", opens: "no" },
        headers: { "X-Order-Id": "order_1" },
        variables: { notification_id: "noti_1" },
        recipientVariables: { "a@example.com": { name: "A" } },
        attachments: [{ filename: "invoice.pdf", contentType: "application/octet-stream", size: 13 }],
        receivedAt: expect.any(Date),
      },
    ])
    expect(fixture.requests).toBe(1)
  })

  it("keeps the attachment content type when the form-data package is used", async () => {
    await client("key-1", FormDataPackage).messages.create("mg.test", {
      from: "shop@mg.test",
      to: "a@example.com",
      text: "hi",
      attachment: [
        { filename: "invoice.pdf", data: Buffer.from("%PDF"), contentType: "application/pdf" },
        { filename: "notes.txt", data: Buffer.from("line one\r\n--not-a-boundary\r\n"), contentType: "text/plain" },
      ],
    })
    expect(fixture.messages[0].attachments).toEqual([
      { filename: "invoice.pdf", contentType: "application/pdf", size: 4 },
      { filename: "notes.txt", contentType: "text/plain", size: 28 },
    ])
  })

  it("answers a wrong key with 401 Forbidden, surfaced as an APIError with status 401", async () => {
    const error = await caught(client("wrong").messages.create("mg.test", { from: "shop@mg.test", to: "a@example.com", text: "hi" }))
    expect(error).toMatchObject({ status: 401, details: "Forbidden", type: "MailgunAPIError" })
    expect(fixture.messages).toHaveLength(0)
  })

  it("plays scripted faults; the SDK error carries the status but not the Retry-After header", async () => {
    fixture.failNext(1, { status: 429, headers: { "Retry-After": "1" }, body: { message: "Too many requests" } })
    fixture.failNext(1, { status: 500 })
    const send = () => client().messages.create("mg.test", { from: "shop@mg.test", to: "a@example.com", text: "hi" })

    const limited = await caught(send())
    expect(limited).toMatchObject({ status: 429, message: "Too Many Requests", details: "Too many requests" })
    expect(Object.keys(limited).sort()).toEqual(["details", "message", "status", "type"])
    expect(JSON.stringify(limited)).not.toMatch(/retry-after/i)
    expect(await caught(send())).toMatchObject({ status: 500, message: "Internal Server Error" })
    await expect(send()).resolves.toMatchObject({ status: 200 })
    expect(fixture.messages).toHaveLength(1)

    // The header is on the wire: a raw request sees it.
    fixture.failNext(1, { status: 429, headers: { "Retry-After": "1" }, body: { message: "Too many requests" } })
    const raw = await fetch(`${fixture.url}/v3/mg.test/messages`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("api:key-1").toString("base64")}` },
      body: new URLSearchParams({ from: "shop@mg.test", to: "a@example.com", text: "hi" }),
    })
    expect([raw.status, raw.headers.get("retry-after"), await raw.json()]).toEqual([429, "1", { message: "Too many requests" }])
  })

  it("validates like Mailgun", async () => {
    const mg = client()
    const rejection = (domain: string, data: any) => caught(mg.messages.create(domain, data)).then((e) => [e.status, e.details])

    expect(await rejection("mg.test", { to: "a@example.com", text: "hi" })).toEqual([400, "'from' parameter is missing"])
    expect(await rejection("mg.test", { from: "shop@mg.test", text: "hi" })).toEqual([400, "'to' parameter is missing"])
    expect(await rejection("mg.test", { from: "shop@mg.test", to: "a@example.com", subject: "s" })).toEqual([
      400,
      "Need at least one of 'text', 'html', 'amp-html' or 'template' parameters specified",
    ])
    expect(await rejection("mg.test", { from: "shop@mg.test", to: "not-an-address", text: "hi" })).toEqual([
      400,
      "'to' parameter is not a valid address. please check documentation",
    ])
    const many = Array.from({ length: 1001 }, (_, i) => `user${i}@example.com`)
    expect(await rejection("mg.test", { from: "shop@mg.test", to: many, text: "hi" })).toEqual([400, "Too many recipients, max is 1000"])
    expect(await rejection("other.test", { from: "shop@other.test", to: "a@example.com", text: "hi" })).toEqual([
      404,
      "Domain not found: other.test",
    ])
    await expect(mg.messages.create("mg.test", { from: "shop@mg.test", to: many.slice(0, 1000), text: "hi" })).resolves.toMatchObject({ status: 200 })
    expect(fixture.messages).toHaveLength(1)
  })

  it("serves the domain for health checks and applies latency", async () => {
    fixture.setLatency(150)
    const started = Date.now()
    const domain = await client().domains.get("mg.test")
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(domain).toMatchObject({ name: "mg.test", state: "active" })
    expect(await caught(client().domains.get("nope.test"))).toMatchObject({ status: 404 })
  })

  it("builds webhook payloads signed as Mailgun signs them", () => {
    const payload = mailgunWebhookPayload({
      signingKey: "signing-key",
      event: "failed",
      severity: "temporary",
      messageId: "<20261122170102.abc@mg.test>",
      recipient: "a@example.com",
      timestamp: 1790000000,
      token: "t".repeat(50),
    })
    const expected = crypto.createHmac("sha256", "signing-key").update(`1790000000${"t".repeat(50)}`).digest("hex")
    expect(payload.signature).toEqual({ timestamp: "1790000000", token: "t".repeat(50), signature: expected })
    expect(payload["event-data"]).toMatchObject({
      event: "failed",
      severity: "temporary",
      recipient: "a@example.com",
      message: { headers: { "message-id": "20261122170102.abc@mg.test" } },
      "delivery-status": { code: 421 },
    })
    const delivered = mailgunWebhookPayload({ signingKey: "k", event: "delivered", messageId: "x@mg.test", recipient: "a@example.com" })
    expect(delivered.signature.token).toMatch(/^[0-9a-f]{50}$/)
    expect(delivered["event-data"]).toMatchObject({ event: "delivered", "delivery-status": { code: 250 } })
    expect(delivered["event-data"]).not.toHaveProperty("severity")
  })
})
