import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { NOTIFICATIONS_MODULE } from "../../src/modules/notifications"
import type DeliveryModuleService from "../../src/modules/notifications/service"
import type { DeliveryRecord } from "../../src/modules/notifications/types"
import { QUEUE_MODULE } from "../../src/modules/queue"
import type QueueModuleService from "../../src/modules/queue/service"
import { queueEventDeliveries } from "../../src/notifications/plan"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { eventually } from "../helpers/eventually"
import { placeOrder, setUpShop, Shop } from "../helpers/shop"
import { useVendorFixtures, VENDOR_ENV } from "../helpers/vendors"

jest.setTimeout(180 * 1000)

Object.assign(process.env, {
  ...VENDOR_ENV,
  COMMERCE_BRIDGE_NOTIFICATION_ATTEMPTS: "3",
  COMMERCE_BRIDGE_NOTIFICATION_BACKOFF_MS: "200",
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const vendors = useVendorFixtures(getContainer)
    let shop: Shop
    let admin: { headers: Record<string, string> }
    const deliveries = () => getContainer().resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
    const queues = () => getContainer().resolve<QueueModuleService>(QUEUE_MODULE)

    const deliveriesOf = async (orderId: string) =>
      (await deliveries().listDeliveries({ resource_id: orderId }, { order: { channel: "ASC" } })) as unknown as DeliveryRecord[]

    beforeEach(async () => {
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
      expect(vendors.mailgun.messages).toHaveLength(1)
      const [message] = vendors.mailgun.messages
      expect(message).toMatchObject({ domain: "mg.test", from: "Nordic Goods <orders@mg.test>", to: ["jane@example.com"] })
      expect(message.subject).toBe(`Order #${order.display_id} confirmed`)
      expect(message.html).toContain("Linen shirt")
      expect(message.html).toContain("€45.00")
      expect(message.text).toContain("- Linen shirt (M) × 2: €40.00")
      expect(email).toMatchObject({ provider: "mailgun", template: "order-placed", locale: "en", attempts: 1 })
      expect(`<${email.external_id}>`).toBe(message.id)

      expect(vendors.twilio.messages).toHaveLength(1)
      expect(vendors.twilio.messages[0]).toMatchObject({ to: "+4915112345678", from: "+15005550006" })
      expect(vendors.twilio.messages[0].body).toContain(`Order #${order.display_id} (€45.00) is confirmed`)
      expect(sms).toMatchObject({ provider: "twilio", external_id: vendors.twilio.messages[0].sid })

      // The event bus delivers order.placed again: nothing new is recorded or sent.
      expect(await queueEventDeliveries(getContainer(), "order.placed", { id: order.id })).toEqual([])
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(vendors.mailgun.messages).toHaveLength(1)
      expect(vendors.twilio.messages).toHaveLength(1)
      expect(await deliveriesOf(order.id)).toHaveLength(2)
    })

    it("retries a message Mailgun throttles with 429 and delivers it exactly once", async () => {
      vendors.mailgun.failNext(1, { status: 429, body: { message: "Too many requests" } })
      const order = await placeOrder(api, shop, { email: "jane@example.com" })
      const [email] = await eventually(async () => {
        const rows = await deliveriesOf(order.id)
        expect([rows[0]?.status, rows[0]?.status_reason]).toEqual(["sent", null])
        return rows
      })
      expect(email.attempts).toBe(2)
      expect(vendors.mailgun.messages).toHaveLength(1)
      expect(vendors.mailgun.sendAttempts).toBe(2)
    })

    it("dead-letters a message Mailgun refuses with 400, naming why, and replays it once fixed", async () => {
      vendors.mailgun.failNext(1, { status: 400, body: { message: "to parameter is not a valid address. please check documentation" } })
      const order = await placeOrder(api, shop, { email: "jane@example.com" })
      const [email] = await eventually(async () => {
        const rows = await deliveriesOf(order.id)
        expect(rows[0]?.status).toBe("dead")
        return rows
      })
      expect(email.status_reason).toContain("not a valid address")
      expect(email.attempts).toBe(1)
      expect(vendors.mailgun.messages).toHaveLength(0)

      const { data } = await api.get("/admin/commerce-bridge/queues/notifications", admin)
      const letter = data.dead_letters.find((entry: any) => entry.id === email.id)
      expect(letter.attempts[0].error).toContain("not a valid address")
      expect(JSON.stringify(data)).not.toContain("jane@example.com")

      await api.post("/admin/commerce-bridge/queues/notifications/dead-letters/replay", { ids: [email.id] }, admin)
      await eventually(async () => expect((await deliveriesOf(order.id))[0].status).toBe("sent"))
      expect(vendors.mailgun.messages).toHaveLength(1)
    })

    it("writes in the order's locale", async () => {
      const order = await placeOrder(api, shop, { email: "jana@example.de", locale: "de-DE", firstName: "Jana" })
      await eventually(async () => expect(vendors.mailgun.messages).toHaveLength(1))
      expect(vendors.mailgun.messages[0].subject).toBe(`Bestellung #${order.display_id} bestätigt`)
      expect(vendors.mailgun.messages[0].text).toContain("Hallo Jana,")
      expect(vendors.mailgun.messages[0].html).toContain("45,00\u00a0€")
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
      expect(vendors.mailgun.sendAttempts).toBe(0)
      const { items } = await queues().deadLetters("notifications", { offset: 0, limit: 100 })
      expect(items.map((letter) => letter.id)).not.toContain(email.id)
    })
  },
})
