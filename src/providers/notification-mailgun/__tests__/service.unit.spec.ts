/**
 * MailgunNotificationService against the local Mailgun fixture, through the official mailgun.js client.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MailgunFixture, startMailgunFixture } from "../../../../integration-tests/__fixtures__/mailgun"
import { classifyFailure } from "../../../notifications/delivery-errors"
import { sampleOrderData } from "../../../notifications/__tests__/sample-data"
import { MailgunNotificationService, messageId } from "../service"

const API_KEY = "key-3f9a6c1d2b8e4f70a5c9d1e2f3a4b5c6"
const FROM = "Nordic Goods <orders@mg.test>"

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() }

const orderData = sampleOrderData

let fixture: MailgunFixture
beforeAll(async () => {
  fixture = await startMailgunFixture({ apiKey: API_KEY, domains: ["mg.test"] })
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const provider = (options: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  new MailgunNotificationService({ logger, ...container } as any, { apiKey: API_KEY, domain: "mg.test", from: FROM, baseUrl: fixture.url, ...options })

const email = (overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
  to: "jane@example.com",
  channel: "email",
  template: "order-placed",
  content: { subject: "Order #1042 confirmed", html: "<p>Thanks, Jane!</p>", text: "Thanks, Jane!" },
  ...overrides,
})

const caught = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => Promise.reject(new Error("expected a rejection")),
    (error) => error
  )

/** A stand-in for the CommerceBridge registry (the `commerceBridge` module). */
const registry = (answer: { enabled?: boolean; missing?: string[]; config: Record<string, unknown> }) => ({
  resolveIntegration: jest.fn(async (name: string) => ({ name, enabled: true, missing: [], ...answer })),
})

/** A container that throws on unknown keys, as Medusa's awilix container does. */
const strictContainer = (registrations: Record<string, unknown>) =>
  new Proxy(registrations, {
    get(target, key) {
      if (typeof key === "string" && !(key in target)) throw new Error(`Could not resolve '${key}'`)
      return target[key as string]
    },
  })

describe("MailgunNotificationService", () => {
  describe("send", () => {
    it("delivers subject, html and text intact and answers the bare message id", async () => {
      const result = await provider().send(email())

      expect(fixture.messages).toHaveLength(1)
      const [message] = fixture.messages
      expect(message).toMatchObject({
        domain: "mg.test",
        from: FROM,
        to: ["jane@example.com"],
        subject: "Order #1042 confirmed",
        html: "<p>Thanks, Jane!</p>",
        text: "Thanks, Jane!",
        tags: [],
        variables: {},
        recipientVariables: undefined,
        attachments: [],
      })
      expect(message.id).toMatch(/^<.+@mg\.test>$/)
      expect(result.id).toBe(message.id.slice(1, -1))
      expect(result.id).not.toMatch(/[<>]/)
    })

    it("keeps non-ASCII content intact", async () => {
      await provider().send(email({ content: { subject: "Bestellung #1042 bestätigt ✓", text: "Grüße aus Köln – 83,90 €", html: "<p>Grüße</p>" } }))
      expect(fixture.messages[0]).toMatchObject({ subject: "Bestellung #1042 bestätigt ✓", text: "Grüße aus Köln – 83,90 €", html: "<p>Grüße</p>" })
    })

    it("sends only the parts it has: text without html", async () => {
      await provider().send(email({ content: { subject: "Hi", text: "Only text" } }))
      expect(fixture.messages[0]).toMatchObject({ subject: "Hi", text: "Only text", html: undefined })
    })

    it("uses the notification's own from over the configured one", async () => {
      await provider().send(email({ from: "Support <support@mg.test>" }))
      expect(fixture.messages[0].from).toBe("Support <support@mg.test>")
    })

    it("sends to every address of a comma-separated to", async () => {
      await provider().send(email({ to: "a@example.com, b@example.com ,c@example.com" }))
      expect(fixture.messages[0].to).toEqual(["a@example.com", "b@example.com", "c@example.com"])
    })

    it("refuses more than 1000 recipients in one message without calling Mailgun", async () => {
      const to = Array.from({ length: 1001 }, (_, i) => `user${i}@example.com`).join(",")
      const error = await caught(provider().send(email({ to })))
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.message).toMatch(/at most 1000 recipients/)
      expect(fixture.requests).toBe(0)
    })

    it("attaches base64 content with its file name", async () => {
      const pdf = Buffer.from("%PDF-1.4 fake invoice")
      const csv = Buffer.from("sku,qty\nSHIRT-M,2\n")
      await provider().send(
        email({
          attachments: [
            { content: pdf.toString("base64"), filename: "invoice-1042.pdf", content_type: "application/pdf" },
            { content: csv.toString("base64"), filename: "items.csv", content_type: "text/csv" },
          ],
        })
      )
      const attachments = fixture.messages[0].attachments
      expect(attachments.map(({ filename, size }) => ({ filename, size }))).toEqual([
        { filename: "invoice-1042.pdf", size: pdf.length },
        { filename: "items.csv", size: csv.length },
      ])
    })

    it("keeps each attachment's content type", async () => {
      // The caller states the type; a PDF must not arrive as application/octet-stream.
      await provider().send(
        email({
          attachments: [
            { content: Buffer.from("%PDF-1.4").toString("base64"), filename: "invoice-1042.pdf", content_type: "application/pdf" },
            { content: Buffer.from("a,b").toString("base64"), filename: "items.csv", content_type: "text/csv" },
          ],
        })
      )
      expect(fixture.messages[0].attachments.map((attachment) => attachment.contentType)).toEqual(["application/pdf", "text/csv"])
    })

    it("maps provider_data to o:tag (at most 3), o:tracking* and v: variables", async () => {
      await provider().send(
        email({
          provider_data: {
            tags: ["order", "transactional", "de", "ignored-fourth"],
            tracking: true,
            trackingClicks: "htmlonly",
            trackingOpens: false,
            variables: { notification_id: "noti_1", delivery_id: "del_1" },
          },
        })
      )
      expect(fixture.messages[0]).toMatchObject({
        tags: ["order", "transactional", "de"],
        tracking: { enabled: "yes", clicks: "htmlonly", opens: "no" },
        variables: { notification_id: "noti_1", delivery_id: "del_1" },
      })
    })

    it("maps tracking: false and trackingClicks: true to no/yes, and sends nothing it was not given", async () => {
      await provider().send(email({ provider_data: { tracking: false, trackingClicks: true } }))
      expect(fixture.messages[0].tracking).toEqual({ enabled: "no", clicks: "yes", opens: undefined })
      await provider().send(email())
      expect(fixture.messages[1].tracking).toEqual({ enabled: undefined, clicks: undefined, opens: undefined })
    })

    it("renders a notification that has only a template and data, in data.locale", async () => {
      await provider().send({ to: "jane@example.com", channel: "email", template: "order-placed", data: { ...orderData, locale: "de" } })
      const [message] = fixture.messages
      expect(message.subject).toBe("Bestellung #1042 bestätigt")
      expect(message.text).toContain("Hallo Jane,")
      expect(message.html).toContain("<!doctype html>")
      expect(message.html).toContain("83,90\u00a0€")
      expect(message.html).toContain("Nordic &lt;Goods&gt;")
    })

    it("renders in English when the locale is absent or unknown", async () => {
      await provider().send({ to: "jane@example.com", channel: "email", template: "order-placed", data: { ...orderData, locale: "fr-FR" } })
      await provider().send({ to: "jane@example.com", channel: "email", template: "order-placed", data: orderData })
      expect(fixture.messages.map((message) => message.subject)).toEqual(["Order #1042 confirmed", "Order #1042 confirmed"])
    })

    it("refuses a notification with neither content nor template", async () => {
      const error = await caught(provider().send({ to: "jane@example.com", channel: "email", template: "", data: {} }))
      expect(error.message).toMatch(/neither content nor a template/)
      expect(fixture.requests).toBe(0)
    })
  })

  describe("sendBatch", () => {
    it("splits 2500 recipients into calls of at most 1000, each with its own recipient-variables", async () => {
      const recipients = Array.from({ length: 2500 }, (_, i) => ({ to: `user${i}@example.com`, variables: { first_name: `User ${i}`, n: i } }))
      const ids = await provider().sendBatch(recipients, {
        subject: "Hello %recipient.first_name%",
        text: "Hi %recipient.first_name%",
        html: "<p>Hi %recipient.first_name%</p>",
        tags: ["newsletter"],
      })

      expect(fixture.requests).toBe(3)
      expect(fixture.messages).toHaveLength(3)
      expect(ids).toEqual(fixture.messages.map((message) => messageId(message.id)))
      expect(fixture.messages.map((message) => message.to.length)).toEqual([1000, 1000, 500])
      const variables = fixture.messages.map((message) => message.recipientVariables as Record<string, { first_name: string; n: number }>)
      expect(variables.map((vars) => Object.keys(vars).length)).toEqual([1000, 1000, 500])
      for (const [index, message] of fixture.messages.entries()) {
        expect(Object.keys(variables[index]).sort()).toEqual([...message.to].sort())
        expect(message).toMatchObject({ subject: "Hello %recipient.first_name%", text: "Hi %recipient.first_name%", tags: ["newsletter"] })
      }
      expect(variables[0]["user0@example.com"]).toEqual({ first_name: "User 0", n: 0 })
      expect(variables[1]["user1000@example.com"]).toEqual({ first_name: "User 1000", n: 1000 })
      expect(variables[2]["user2499@example.com"]).toEqual({ first_name: "User 2499", n: 2499 })
      const everyone = fixture.messages.flatMap((message) => message.to)
      expect(new Set(everyone).size).toBe(2500)
    })

    it("makes no call for no recipients", async () => {
      await expect(provider().sendBatch([], { subject: "x", text: "y" })).resolves.toEqual([])
      expect(fixture.requests).toBe(0)
    })
  })

  describe("failures", () => {
    it("answers a wrong key (401) permanently, without the key in the message", async () => {
      const wrongKey = "key-wrong-0123456789abcdef"
      const error = await caught(provider({ apiKey: wrongKey }).send(email()))
      expect(error.message).toContain("[cb:permanent]")
      expect(error.message).toContain("401")
      expect(error.message).not.toContain(wrongKey)
      expect(error.message).not.toContain(API_KEY)
      expect(classifyFailure(error).kind).toBe("permanent")
      expect(fixture.messages).toHaveLength(0)
    })

    it("redacts the key when Mailgun echoes it", async () => {
      fixture.failNext(1, { status: 401, body: { message: `Invalid private key ${API_KEY}` } })
      const error = await caught(provider().send(email()))
      expect(error.message).toContain("[cb:permanent]")
      expect(error.message).toContain("Invalid private key")
      expect(error.message).not.toContain(API_KEY)
    })

    it("answers a 400 permanently with Mailgun's message", async () => {
      const error = await caught(provider().send(email({ to: "not-an-address" })))
      expect(error.message).toContain("'to' parameter is not a valid address. please check documentation")
      expect(error.message).toContain("400")
      expect(error.message).toMatch(/\[cb:permanent\]$/)
      expect(classifyFailure(error)).toMatchObject({ kind: "permanent", retryAfterMs: 0 })
    })

    it("answers a scripted 400 body permanently with its message", async () => {
      fixture.failNext(1, { status: 400, body: { message: "Sandbox subdomains are for test purposes only" } })
      const error = await caught(provider().send(email()))
      expect(error.message).toBe("Mailgun: HTTP 400: Sandbox subdomains are for test purposes only [cb:permanent]")
    })

    it("answers an unknown domain (404) permanently", async () => {
      const error = await caught(provider({ domain: "other.test" }).send(email({ from: "shop@other.test" })))
      expect(error.message).toContain("Domain not found: other.test")
      expect(classifyFailure(error).kind).toBe("permanent")
    })

    it("answers 429 and 500 as transient", async () => {
      fixture.failNext(1, { status: 429, headers: { "Retry-After": "7" }, body: { message: "Too many requests" } })
      fixture.failNext(1, { status: 500 })
      const service = provider()

      const limited = await caught(service.send(email()))
      expect(limited.message).toContain("[cb:transient")
      expect(limited.message).toContain("429")
      expect(limited.message).toContain("Too many requests")
      expect(classifyFailure(limited).kind).toBe("transient")

      const failed = await caught(service.send(email()))
      expect(failed.message).toContain("[cb:transient")
      expect(failed.message).toContain("500")
      expect(classifyFailure(failed).kind).toBe("transient")

      await expect(service.send(email())).resolves.toEqual({ id: expect.any(String) })
      expect(fixture.messages).toHaveLength(1)
    })

    it("answers an unreachable Mailgun as transient", async () => {
      const closed = await startMailgunFixture({ apiKey: API_KEY })
      await closed.close()
      const error = await caught(provider({ baseUrl: closed.url }).send(email()))
      expect(classifyFailure(error).kind).toBe("transient")
      expect(error.message).not.toContain(API_KEY)
    })

    it("answers a call that outlasts timeoutMs as transient", async () => {
      fixture.setLatency(1000)
      const error = await caught(provider({ timeoutMs: 150 }).send(email()))
      expect(error.message).toContain("timeout")
      expect(classifyFailure(error).kind).toBe("transient")
    })

    it("masks the recipient's address when Mailgun echoes it", async () => {
      fixture.failNext(1, { status: 400, body: { message: "jane.doe@example.com is on the suppression list" } })
      const error = await caught(provider().send(email({ to: "jane.doe@example.com" })))
      expect(error.message).toContain("is on the suppression list")
      expect(error.message).not.toContain("jane.doe@example.com")
    })
  })

  describe("validateOptions", () => {
    const valid = { apiKey: API_KEY, domain: "mg.test", from: FROM }

    it("accepts complete options", () => {
      expect(() => MailgunNotificationService.validateOptions(valid)).not.toThrow()
      expect(() => MailgunNotificationService.validateOptions({ ...valid, region: "eu" })).not.toThrow()
    })

    it.each(["apiKey", "domain", "from"] as const)("names the missing option %s", (key) => {
      const { [key]: _omitted, ...rest } = valid
      expect(() => MailgunNotificationService.validateOptions(rest)).toThrow(`option "${key}" is required`)
      expect(() => MailgunNotificationService.validateOptions({ ...valid, [key]: "" })).toThrow(`option "${key}" is required`)
    })

    it("throws a MedusaError of type invalid_data", () => {
      let thrown: unknown
      try {
        MailgunNotificationService.validateOptions({})
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(MedusaError)
      expect((thrown as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
      expect((thrown as Error).message).toContain('"apiKey"')
    })

    it("rejects an unknown region", () => {
      expect(() => MailgunNotificationService.validateOptions({ ...valid, region: "ap" as any })).toThrow('"region" must be "us" or "eu"')
    })

    it("accepts useIntegrationSettings without vendor options", () => {
      expect(() => MailgunNotificationService.validateOptions({ useIntegrationSettings: true })).not.toThrow()
    })
  })

  describe("with useIntegrationSettings", () => {
    const registryOnly = (container: Record<string, unknown>) => new MailgunNotificationService({ logger, ...container } as any, { useIntegrationSettings: true })

    it("fails permanently naming the commerceBridge dependency when the container has none", async () => {
      const error = await caught(registryOnly({}).send(email()))
      expect(error.message).toContain('"commerceBridge"')
      expect(error.message).toContain("[cb:permanent]")
      expect(fixture.requests).toBe(0)
    })

    it("fails the same way when the container throws on the unknown key, as Medusa's does", async () => {
      const service = new MailgunNotificationService(strictContainer({ logger }) as any, { useIntegrationSettings: true })
      const error = await caught(service.send(email()))
      expect(error.message).toContain('"commerceBridge"')
      expect(classifyFailure(error).kind).toBe("permanent")
    })

    it("sends with the registry's settings, read at every send", async () => {
      const bridge = registry({ config: { apiKey: API_KEY, domain: "mg.test", from: "Registry <registry@mg.test>", baseUrl: fixture.url } })
      const service = registryOnly({ commerceBridge: bridge })

      const { id } = await service.send(email())
      expect(bridge.resolveIntegration).toHaveBeenCalledWith("mailgun")
      expect(fixture.messages[0]).toMatchObject({ from: "Registry <registry@mg.test>", domain: "mg.test" })
      expect(id).toBe(messageId(fixture.messages[0].id))

      // A merchant changes the sender in the admin: the next send uses it.
      bridge.resolveIntegration.mockResolvedValue({
        name: "mailgun",
        enabled: true,
        missing: [],
        config: { apiKey: API_KEY, domain: "mg.test", from: "Changed <changed@mg.test>", baseUrl: fixture.url },
      } as any)
      await service.send(email())
      expect(fixture.messages[1].from).toBe("Changed <changed@mg.test>")
      expect(bridge.resolveIntegration).toHaveBeenCalledTimes(2)
    })

    it("prefers the registry's settings over its own options", async () => {
      const other = await startMailgunFixture({ apiKey: "key-registry", domains: ["mg.test"] })
      try {
        const bridge = registry({ config: { apiKey: "key-registry", domain: "mg.test", from: "Registry <registry@mg.test>", baseUrl: other.url } })
        const service = provider({ useIntegrationSettings: true }, { commerceBridge: bridge })
        await service.send(email())
        expect(other.messages).toHaveLength(1)
        expect(other.messages[0].from).toBe("Registry <registry@mg.test>")
        expect(fixture.requests).toBe(0)
      } finally {
        await other.close()
      }
    })

    it("fails permanently naming what the registry says is missing", async () => {
      const bridge = registry({ missing: ["apiKey"], config: { domain: "mg.test", from: FROM, baseUrl: fixture.url } })
      const error = await caught(registryOnly({ commerceBridge: bridge }).send(email()))
      expect(error.message).toContain("apiKey")
      expect(error.message).toContain("[cb:permanent]")
      expect(classifyFailure(error).kind).toBe("permanent")
      expect(fixture.requests).toBe(0)
    })

    it("redacts the registry's key from errors", async () => {
      const registryKey = "key-from-the-admin-0123456789"
      const other = await startMailgunFixture({ apiKey: registryKey, domains: ["mg.test"] })
      try {
        other.failNext(1, { status: 400, body: { message: `Bad key ${registryKey}` } })
        const bridge = registry({ config: { apiKey: registryKey, domain: "mg.test", from: FROM, baseUrl: other.url } })
        const error = await caught(registryOnly({ commerceBridge: bridge }).send(email()))
        expect(error.message).toContain("Bad key")
        expect(error.message).not.toContain(registryKey)
      } finally {
        await other.close()
      }
    })
  })
})

describe("messageId", () => {
  it("strips the angle brackets Mailgun puts around its ids", () => {
    expect(messageId("<20261122170102.abc@mg.test>")).toBe("20261122170102.abc@mg.test")
    expect(messageId("20261122170102.abc@mg.test")).toBe("20261122170102.abc@mg.test")
    expect(messageId(undefined)).toBe("")
  })
})
