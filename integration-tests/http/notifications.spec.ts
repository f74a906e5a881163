import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import type BridgeModuleService from "../../src/modules/bridge/service"
import { NOTIFICATIONS_MODULE } from "../../src/modules/notifications"
import type DeliveryModuleService from "../../src/modules/notifications/service"
import type { DeliveryRecord } from "../../src/modules/notifications/types"
import { QUEUE_MODULE } from "../../src/modules/queue"
import type QueueModuleService from "../../src/modules/queue/service"
import { queueEventDeliveries } from "../../src/notifications/plan"
import { MailgunFixture, startMailgunFixture } from "../__fixtures__/mailgun"
import { startTwilioFixture, TWILIO_TEST_ACCOUNT_SID, TWILIO_TEST_AUTH_TOKEN, TwilioFixture } from "../__fixtures__/twilio"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { eventually, placeOrder, setUpShop, Shop } from "../helpers/shop"

jest.setTimeout(180 * 1000)

// Read by medusa-config.ts, which the runner loads before it applies its `env` option. The
// fixtures' URLs are set through the registry (as a merchant would in the admin) once they listen.
Object.assign(process.env, {
  MAILGUN_API_KEY: "key-test",
  MAILGUN_DOMAIN: "mg.test",
  MAILGUN_FROM: "Nordic Goods <orders@mg.test>",
  TWILIO_ACCOUNT_SID: TWILIO_TEST_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: TWILIO_TEST_AUTH_TOKEN,
  TWILIO_FROM: "+15005550006",
  COMMERCE_BRIDGE_NOTIFICATION_ATTEMPTS: "3",
  COMMERCE_BRIDGE_NOTIFICATION_BACKOFF_MS: "200",
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let mailgun: MailgunFixture
    let twilio: TwilioFixture
    let shop: Shop
    let admin: { headers: Record<string, string> }
    const deliveries = () => getContainer().resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
    const bridge = () => getContainer().resolve<BridgeModuleService>(BRIDGE_MODULE)
    const queues = () => getContainer().resolve<QueueModuleService>(QUEUE_MODULE)

    const deliveriesOf = async (orderId: string) =>
      (await deliveries().listDeliveries({ resource_id: orderId }, { order: { channel: "ASC" } })) as unknown as DeliveryRecord[]

    beforeAll(async () => {
      mailgun = await startMailgunFixture()
      twilio = await startTwilioFixture()
    })
    afterAll(async () => {
      await mailgun.close()
      await twilio.close()
    })

    beforeEach(async () => {
      mailgun.reset()
      twilio.reset()
      await bridge().configureIntegration("mailgun", { settings: { baseUrl: mailgun.url } })
      await bridge().configureIntegration("twilio", { settings: { baseUrl: twilio.url } })
      shop = await setUpShop(getContainer())
      admin = await createAdminHeaders(getContainer(), api)
    })

    it("sends the order confirmation by email through Mailgun and by SMS through Twilio, once", async () => {
      const order = await placeOrder(api, shop, { email: "jane@example.com", phone: "+4915112345678" })

      const [email, sms] = await eventually(async () => {
        const rows = await deliveriesOf(order.id)
        expect(rows.map((row) => [row.channel, row.status])).toEqual([["email", "sent"], ["sms", "sent"]])
        return rows
      })
      expect(mailgun.messages).toHaveLength(1)
      const [message] = mailgun.messages
      expect(message).toMatchObject({ domain: "mg.test", from: "Nordic Goods <orders@mg.test>", to: ["jane@example.com"] })
      expect(message.subject).toBe(`Order #${order.display_id} confirmed`)
      expect(message.html).toContain("Linen shirt")
      expect(message.html).toContain("€45.00")
      expect(message.text).toContain("- Linen shirt (M) × 2: €40.00")
      expect(email).toMatchObject({ provider: "mailgun", template: "order-placed", locale: "en", attempts: 1 })
      expect(`<${email.external_id}>`).toBe(message.id)

      expect(twilio.messages).toHaveLength(1)
      expect(twilio.messages[0]).toMatchObject({ to: "+4915112345678", from: "+15005550006" })
      expect(twilio.messages[0].body).toContain(`Order #${order.display_id} (€45.00) is confirmed`)
      expect(sms).toMatchObject({ provider: "twilio", external_id: twilio.messages[0].sid })

      // The event bus delivers order.placed again: nothing new is recorded or sent.
      expect(await queueEventDeliveries(getContainer(), "order.placed", { id: order.id })).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(mailgun.messages).toHaveLength(1)
      expect(twilio.messages).toHaveLength(1)
      expect(await deliveriesOf(order.id)).toHaveLength(2)
    })

    it("retries a message Mailgun throttles with 429 and delivers it exactly once", async () => {
      mailgun.failNext(1, { status: 429, body: { message: "Too many requests" } })
      const order = await placeOrder(api, shop, { email: "jane@example.com" })
      const [email] = await eventually(async () => {
        const rows = await deliveriesOf(order.id)
        expect([rows[0]?.status, rows[0]?.status_reason]).toEqual(["sent", null])
        return rows
      })
      expect(email.attempts).toBe(2)
      expect(mailgun.messages).toHaveLength(1)
      expect(mailgun.requests).toBe(2)
    })

    it("dead-letters a message Mailgun refuses with 400, naming why, and replays it once fixed", async () => {
      mailgun.failNext(1, { status: 400, body: { message: "to parameter is not a valid address. please check documentation" } })
      const order = await placeOrder(api, shop, { email: "jane@example.com" })
      const [email] = await eventually(async () => {
        const rows = await deliveriesOf(order.id)
        expect(rows[0]?.status).toBe("dead")
        return rows
      })
      expect(email.status_reason).toContain("not a valid address")
      expect(email.attempts).toBe(1)
      expect(mailgun.messages).toHaveLength(0)

      const { data } = await api.get("/admin/commerce-bridge/queues/notifications", admin)
      const letter = data.dead_letters.find((entry: any) => entry.id === email.id)
      expect(letter.attempts[0].error).toContain("not a valid address")
      expect(JSON.stringify(data)).not.toContain("jane@example.com")

      await api.post("/admin/commerce-bridge/queues/notifications/dead-letters/replay", { ids: [email.id] }, admin)
      await eventually(async () => expect((await deliveriesOf(order.id))[0].status).toBe("sent"))
      expect(mailgun.messages).toHaveLength(1)
    })

    it("writes in the order's locale", async () => {
      const order = await placeOrder(api, shop, { email: "jana@example.de", locale: "de-DE", firstName: "Jana" })
      await eventually(async () => expect(mailgun.messages).toHaveLength(1))
      expect(mailgun.messages[0].subject).toBe(`Bestellung #${order.display_id} bestätigt`)
      expect(mailgun.messages[0].text).toContain("Hallo Jana,")
      expect(mailgun.messages[0].html).toContain("45,00\u00a0€")
      expect((await deliveriesOf(order.id))[0].locale).toBe("de")
    })

    it("stores the messages of a switched-off integration in the outbox, saying why", async () => {
      const switchOff = await responseOf(api.post("/admin/commerce-bridge/integrations/mailgun", { enabled: false }, admin))
      expect(switchOff.status).toBe(200)
      const order = await placeOrder(api, shop, { email: "jane@example.com", phone: "+4915112345678" })
      const [email, sms] = await eventually(async () => {
        const rows = await deliveriesOf(order.id)
        expect(rows.map((row) => row.status)).toEqual(["outboxed", "sent"])
        return rows
      })
      expect(email).toMatchObject({ provider: "outbox", status_reason: "Mailgun is switched off in the Integrations page" })
      expect(email.html).toContain("Linen shirt")
      expect(sms.provider).toBe("twilio")
      expect(mailgun.requests).toBe(0)
      const { items } = await queues().deadLetters("notifications", { offset: 0, limit: 100 })
      expect(items.map((letter) => letter.id)).not.toContain(email.id)
    })
  },
})
