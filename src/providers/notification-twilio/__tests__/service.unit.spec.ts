/**
 * TwilioNotificationService against the local Twilio fixture, through the official twilio SDK.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import {
  TWILIO_TEST_ACCOUNT_SID as ACCOUNT_SID,
  TWILIO_TEST_AUTH_TOKEN as AUTH_TOKEN,
  TwilioFixture,
  startTwilioFixture,
} from "../../../../integration-tests/__fixtures__/twilio"
import { classifyFailure } from "../../../notifications/delivery-errors"
import { TwilioNotificationService } from "../service"

const API_KEY_SID = "SK11111111111111111111111111111111"
const API_KEY_SECRET = "api-key-secret-9f8e7d6c5b4a"
const MESSAGING_SERVICE_SID = "MG00000000000000000000000000000000"
const FROM = "+15005550001"
const WHATSAPP_FROM = "+14155238886"
const CUSTOMER = "+4915123456789"

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() }

let fixture: TwilioFixture
beforeAll(async () => {
  fixture = await startTwilioFixture({
    accounts: { [ACCOUNT_SID]: { authToken: AUTH_TOKEN, apiKeys: { [API_KEY_SID]: API_KEY_SECRET } } },
  })
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const provider = (options: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  new TwilioNotificationService({ logger, ...container } as any, { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, baseUrl: fixture.url, ...options })

const sms = (overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
  to: CUSTOMER,
  channel: "sms",
  template: "order-placed",
  content: { text: "Nordic Goods: Thanks! Order #1042 is confirmed." },
  ...overrides,
})

const caught = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => Promise.reject(new Error("expected a rejection")),
    (error) => error
  )

const RATE_LIMITED_BODY = { code: 20429, message: "Too Many Requests", more_info: "https://www.twilio.com/docs/errors/20429", status: 429 }

describe("TwilioNotificationService", () => {
  describe("send", () => {
    it("sends an SMS from the configured number and answers the message sid", async () => {
      const result = await provider().send(sms())
      expect(fixture.messages).toEqual([
        {
          sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
          accountSid: ACCOUNT_SID,
          to: CUSTOMER,
          from: FROM,
          messagingServiceSid: null,
          body: "Nordic Goods: Thanks! Order #1042 is confirmed.",
          mediaUrls: [],
          contentSid: null,
          statusCallback: null,
          receivedAt: expect.any(Date),
        },
      ])
      expect(result).toEqual({ id: fixture.messages[0].sid })
    })

    it("uses the notification's own from over the configured one", async () => {
      await provider().send(sms({ from: "+15005550009" }))
      expect(fixture.messages[0].from).toBe("+15005550009")
    })

    it("sends through the messaging service when no from is configured", async () => {
      await provider({ from: undefined, messagingServiceSid: MESSAGING_SERVICE_SID }).send(sms())
      expect(fixture.messages[0]).toMatchObject({ to: CUSTOMER, from: null, messagingServiceSid: MESSAGING_SERVICE_SID })
    })

    it("prefers the messaging service over the configured from", async () => {
      await provider({ messagingServiceSid: MESSAGING_SERVICE_SID }).send(sms())
      expect(fixture.messages[0]).toMatchObject({ from: null, messagingServiceSid: MESSAGING_SERVICE_SID })
    })

    it("prefixes both To and From with whatsapp: on the WhatsApp channel", async () => {
      await provider({ whatsappFrom: WHATSAPP_FROM }).send(sms({ channel: "whatsapp" }))
      expect(fixture.messages[0]).toMatchObject({ to: `whatsapp:${CUSTOMER}`, from: `whatsapp:${WHATSAPP_FROM}`, messagingServiceSid: null })
    })

    it("does not double an existing whatsapp: prefix", async () => {
      await provider({ whatsappFrom: `whatsapp:${WHATSAPP_FROM}` }).send(sms({ channel: "whatsapp", to: `whatsapp:${CUSTOMER}` }))
      expect(fixture.messages[0]).toMatchObject({ to: `whatsapp:${CUSTOMER}`, from: `whatsapp:${WHATSAPP_FROM}` })
    })

    it("fails permanently on WhatsApp without a WhatsApp sender, without calling Twilio", async () => {
      const error = await caught(provider().send(sms({ channel: "whatsapp" })))
      expect(error.message).toContain("whatsappFrom is not configured")
      expect(classifyFailure(error).kind).toBe("permanent")
      expect(fixture.requests).toBe(0)
    })

    it("fails permanently on SMS without from or messaging service", async () => {
      const error = await caught(provider({ from: undefined, whatsappFrom: WHATSAPP_FROM }).send(sms()))
      expect(error.message).toContain("from or messagingServiceSid is not configured")
      expect(classifyFailure(error).kind).toBe("permanent")
      expect(fixture.requests).toBe(0)
    })

    it("authenticates with an API key pair instead of the auth token", async () => {
      const service = provider({ authToken: undefined, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET })
      await service.send(sms())
      expect(fixture.messages).toHaveLength(1)
      expect(fixture.messages[0].accountSid).toBe(ACCOUNT_SID)
    })

    it("prefers the API key pair when both credentials are set", async () => {
      await provider({ authToken: "not-the-token", apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET }).send(sms())
      expect(fixture.messages).toHaveLength(1)
    })

    it("passes the status callback URL", async () => {
      await provider({ statusCallbackUrl: "https://shop.test/hooks/twilio/status" }).send(sms())
      expect(fixture.messages[0].statusCallback).toBe("https://shop.test/hooks/twilio/status")
    })

    it("passes media URLs from provider_data", async () => {
      await provider().send(sms({ provider_data: { mediaUrls: ["https://shop.test/a.png", "https://shop.test/b.png"] } }))
      expect(fixture.messages[0]).toMatchObject({ sid: expect.stringMatching(/^MM/), mediaUrls: ["https://shop.test/a.png", "https://shop.test/b.png"] })
    })

    it("renders the SMS text of a template in data.locale when there is no content", async () => {
      const data = {
        locale: "de",
        store: { name: "Nordic <Goods>", url: "https://shop.example.com" },
        customer: { first_name: "Jane" },
        order: { display_id: 1042, currency_code: "eur", items: [], total: 83.9 },
      }
      await provider().send({ to: CUSTOMER, channel: "sms", template: "order-placed", data })
      expect(fixture.messages[0].body).toBe("Nordic <Goods>: Danke! Bestellung #1042 (83,90 €) ist bestätigt.")
    })
  })

  describe("failures", () => {
    it("answers an invalid To permanently with code 21211 and without the customer's number", async () => {
      const number = "0151 2345 6789"
      const error = await caught(provider().send(sms({ to: number })))
      expect(error.message).toContain("[cb:permanent]")
      expect(error.message).toContain("code 21211")
      expect(error.message).toContain("Invalid 'To' Phone Number")
      expect(error.message).not.toContain(number)
      expect(error.message).not.toContain("23456789")
      expect(classifyFailure(error)).toMatchObject({ kind: "permanent", retryAfterMs: 0 })
    })

    it.each([
      ["without the plus", "4915123456789"],
      ["with a leading zero after the plus", "+04915123456789"],
      ["in a national format with dashes", "030-1234-5678"],
    ])("masks an invalid To %s that Twilio echoes", async (_label, number) => {
      const error = await caught(provider().send(sms({ to: number })))
      expect(error.message).toContain("code 21211")
      expect(error.message).not.toContain(number)
      expect(error.message).not.toContain(number.replace(/\D/g, "").slice(2))
    })

    it("masks an invalid To of only 8 digits (a national mobile number, e.g. Singapore or Norway) that Twilio echoes", async () => {
      // The provider knows the exact To it sent, so it can remove it whatever its length.
      const number = "91234567"
      const error = await caught(provider().send(sms({ to: number })))
      expect(error.message).toContain("code 21211")
      expect(error.message).not.toContain(number)
    })

    it("masks an invalid WhatsApp To that Twilio echoes", async () => {
      const error = await caught(provider({ whatsappFrom: WHATSAPP_FROM }).send(sms({ channel: "whatsapp", to: "015123456789" })))
      expect(error.message).toContain("code 21211")
      expect(error.message).not.toContain("015123456789")
    })

    it("answers a 429 with Retry-After: 3 as transient after 3000 ms", async () => {
      fixture.failNext(1, { status: 429, headers: { "Retry-After": "3" }, body: RATE_LIMITED_BODY })
      const error = await caught(provider().send(sms()))
      expect(error.message).toContain("[cb:transient;retry-after=3000]")
      expect(error.message).toContain("code 20429")
      expect(classifyFailure(error)).toMatchObject({ kind: "transient", retryAfterMs: 3000 })
    })

    it("answers a 429 with an HTTP-date Retry-After as transient with a positive delay", async () => {
      fixture.failNext(1, { status: 429, headers: { "Retry-After": new Date(Date.now() + 60_000).toUTCString() }, body: RATE_LIMITED_BODY })
      const { kind, retryAfterMs } = classifyFailure(await caught(provider().send(sms())))
      expect(kind).toBe("transient")
      expect(retryAfterMs).toBeGreaterThan(50_000)
      expect(retryAfterMs).toBeLessThanOrEqual(60_000)
    })

    it("answers a 429 without Retry-After as transient with no retry-after", async () => {
      fixture.failNext(1, { status: 429, body: RATE_LIMITED_BODY })
      const error = await caught(provider().send(sms()))
      expect(error.message).toContain("[cb:transient]")
      expect(error.message).not.toContain("retry-after")
      expect(classifyFailure(error)).toMatchObject({ kind: "transient", retryAfterMs: 0 })
    })

    it("answers 500 and 503 as transient and recovers on the next send", async () => {
      fixture.failNext(1, { status: 500 })
      fixture.failNext(1, { status: 503, headers: { "Retry-After": "1" } })
      const service = provider()
      expect(classifyFailure(await caught(service.send(sms())))).toMatchObject({ kind: "transient", retryAfterMs: 0 })
      expect(classifyFailure(await caught(service.send(sms())))).toMatchObject({ kind: "transient", retryAfterMs: 1000 })
      await expect(service.send(sms())).resolves.toEqual({ id: expect.stringMatching(/^SM/) })
      expect(fixture.messages).toHaveLength(1)
    })

    it("answers a wrong auth token (401) permanently without the token in the message", async () => {
      const wrongToken = "wrong-auth-token-0123456789"
      const error = await caught(provider({ authToken: wrongToken }).send(sms()))
      expect(error.message).toContain("[cb:permanent]")
      expect(error.message).toContain("code 20003")
      expect(error.message).not.toContain(wrongToken)
      expect(error.message).not.toContain(AUTH_TOKEN)
    })

    it("redacts the auth token and the API key secret when Twilio echoes them", async () => {
      fixture.failNext(1, { status: 400, body: { code: 20001, message: `Bad credentials ${AUTH_TOKEN}`, status: 400 } })
      const withToken = await caught(provider().send(sms()))
      expect(withToken.message).toContain("Bad credentials")
      expect(withToken.message).not.toContain(AUTH_TOKEN)

      fixture.failNext(1, { status: 400, body: { code: 20001, message: `Bad key ${API_KEY_SECRET}`, status: 400 } })
      const withKey = await caught(provider({ authToken: undefined, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET }).send(sms()))
      expect(withKey.message).toContain("Bad key")
      expect(withKey.message).not.toContain(API_KEY_SECRET)
    })

    it("answers an unreachable Twilio as transient", async () => {
      const closed = await startTwilioFixture()
      await closed.close()
      const error = await caught(provider({ baseUrl: closed.url }).send(sms()))
      expect(classifyFailure(error).kind).toBe("transient")
      expect(error.message).not.toContain(AUTH_TOKEN)
    })

    it("answers a call that outlasts timeoutMs as transient", async () => {
      fixture.setLatency(1000)
      const error = await caught(provider({ timeoutMs: 150 }).send(sms()))
      expect(classifyFailure(error).kind).toBe("transient")
    })
  })

  describe("validateOptions", () => {
    const valid = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM }
    const validate = (options: Record<string, unknown>) => () => TwilioNotificationService.validateOptions(options as any)

    it("accepts complete options", () => {
      expect(validate(valid)).not.toThrow()
      expect(validate({ accountSid: ACCOUNT_SID, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET, messagingServiceSid: MESSAGING_SERVICE_SID })).not.toThrow()
      expect(validate({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, whatsappFrom: WHATSAPP_FROM })).not.toThrow()
    })

    it("names a missing accountSid", () => {
      expect(validate({ ...valid, accountSid: undefined })).toThrow('option "accountSid" is required')
      expect(validate({ ...valid, accountSid: "" })).toThrow('option "accountSid" is required')
    })

    it("names the credentials when neither the auth token nor a full API key pair is set", () => {
      expect(validate({ ...valid, authToken: undefined })).toThrow('option "authToken"')
      expect(validate({ ...valid, authToken: undefined, apiKeySid: API_KEY_SID })).toThrow('option "authToken" (or "apiKeySid" with "apiKeySecret")')
      expect(validate({ ...valid, authToken: undefined, apiKeySecret: API_KEY_SECRET })).toThrow('option "authToken"')
    })

    it("names the sender when there is neither from, messaging service nor WhatsApp sender", () => {
      expect(validate({ ...valid, from: undefined })).toThrow('option "from" (or "messagingServiceSid") is required')
    })

    it("throws MedusaErrors of type invalid_data", () => {
      let thrown: unknown
      try {
        TwilioNotificationService.validateOptions({})
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(MedusaError)
      expect((thrown as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    })

    it("accepts useIntegrationSettings without vendor options", () => {
      expect(validate({ useIntegrationSettings: true })).not.toThrow()
    })
  })

  describe("with useIntegrationSettings", () => {
    const registry = (answer: { missing?: string[]; config: Record<string, unknown> }) => ({
      resolveIntegration: jest.fn(async (name: string) => ({ name, enabled: true, missing: [], ...answer })),
    })

    it("fails permanently naming the commerceBridge dependency when the container has none", async () => {
      const error = await caught(new TwilioNotificationService({ logger } as any, { useIntegrationSettings: true }).send(sms()))
      expect(error.message).toContain('"commerceBridge"')
      expect(classifyFailure(error).kind).toBe("permanent")
      expect(fixture.requests).toBe(0)
    })

    it("sends with the registry's settings", async () => {
      const bridge = registry({
        config: { accountSid: ACCOUNT_SID, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET, from: "+15005550007", baseUrl: fixture.url, statusCallbackUrl: "https://shop.test/cb" },
      })
      const service = new TwilioNotificationService({ logger, commerceBridge: bridge } as any, { useIntegrationSettings: true })
      await service.send(sms())
      expect(bridge.resolveIntegration).toHaveBeenCalledWith("twilio")
      expect(fixture.messages[0]).toMatchObject({ from: "+15005550007", statusCallback: "https://shop.test/cb" })
    })

    it("fails permanently naming what the registry says is missing", async () => {
      const bridge = registry({ missing: ["authToken"], config: { accountSid: ACCOUNT_SID, from: FROM, baseUrl: fixture.url } })
      const error = await caught(new TwilioNotificationService({ logger, commerceBridge: bridge } as any, { useIntegrationSettings: true }).send(sms()))
      expect(error.message).toContain("authToken")
      expect(classifyFailure(error).kind).toBe("permanent")
      expect(fixture.requests).toBe(0)
    })

    it("redacts the registry's auth token from errors", async () => {
      const token = "registry-token-abcdef123456"
      const other = await startTwilioFixture({ accounts: { [ACCOUNT_SID]: { authToken: token } } })
      try {
        other.failNext(1, { status: 400, body: { code: 20001, message: `Bad credentials ${token}`, status: 400 } })
        const bridge = registry({ config: { accountSid: ACCOUNT_SID, authToken: token, from: FROM, baseUrl: other.url } })
        const error = await caught(new TwilioNotificationService({ logger, commerceBridge: bridge } as any, { useIntegrationSettings: true }).send(sms()))
        expect(error.message).toContain("Bad credentials")
        expect(error.message).not.toContain(token)
      } finally {
        await other.close()
      }
    })
  })
})
