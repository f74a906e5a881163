import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomUUID } from "crypto"
import { NOTIFICATIONS_MODULE } from "../../src/modules/notifications"
import type DeliveryModuleService from "../../src/modules/notifications/service"
import type { DeliveryRecord } from "../../src/modules/notifications/types"
import { mailgunWebhookPayload } from "../__fixtures__/mailgun"
import { TWILIO_TEST_ACCOUNT_SID, TWILIO_TEST_AUTH_TOKEN, twilioSignature } from "../__fixtures__/twilio"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { eventually } from "../helpers/eventually"
import { placeOrder, setUpShop } from "../helpers/shop"
import { useVendorFixtures, VENDOR_ENV } from "../helpers/vendors"

jest.setTimeout(180 * 1000)

const SIGNING_KEY = "mailgun-signing-key-123"
const CALLBACK_URL = "https://shop.example.com/webhooks/twilio"

Object.assign(process.env, {
  ...VENDOR_ENV,
  MAILGUN_WEBHOOK_SIGNING_KEY: SIGNING_KEY,
  TWILIO_STATUS_CALLBACK_URL: CALLBACK_URL,
  COMMERCE_BRIDGE_NOTIFICATION_BACKOFF_MS: "200",
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const vendors = useVendorFixtures(getContainer)
    let admin: { headers: Record<string, string> }
    const deliveries = () => getContainer().resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)

    /** A message as the worker leaves it once the vendor accepted it. */
    async function sentDelivery(channel: "email" | "sms", externalId: string): Promise<DeliveryRecord> {
      const { created } = await deliveries().recordDeliveries([
        {
          idempotency_key: `test:${randomUUID()}`,
          template: "order-placed",
          channel,
          locale: "en",
          recipient: channel === "email" ? "jane@example.com" : "+4915112345678",
          subject: "Order #1 confirmed",
          html: "<p>Hi Jane</p>",
          text: "Hi Jane",
          resource_type: "order",
          resource_id: "order_1",
        },
      ])
      await deliveries().markSent(created[0].id, { provider: channel === "email" ? "mailgun" : "twilio", attempts: 1, external_id: externalId, notification_id: null })
      return created[0]
    }
    const statusOf = async (id: string) => (await deliveries().retrieveDeliveryRecord(id)).status

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
    })

    describe("Mailgun webhook", () => {
      const payload = (event: "delivered" | "failed", messageId: string, extra: Record<string, unknown> = {}) =>
        mailgunWebhookPayload({ signingKey: SIGNING_KEY, event, messageId, recipient: "jane@example.com", ...extra } as any)

      it("marks a message delivered, and bounced on a permanent failure", async () => {
        const delivered = await sentDelivery("email", "msg-1@mg.test")
        const { data } = await api.post("/webhooks/mailgun", payload("delivered", "msg-1@mg.test"))
        expect(data).toEqual({ updated: true, status: "delivered" })
        expect(await statusOf(delivered.id)).toBe("delivered")

        const bounced = await sentDelivery("email", "msg-2@mg.test")
        await api.post("/webhooks/mailgun", payload("failed", "msg-2@mg.test", { severity: "permanent" }))
        const row = await deliveries().retrieveDeliveryRecord(bounced.id)
        expect(row.status).toBe("bounced")
      })

      it("refuses bad, stale and replayed signatures with 401 and changes nothing", async () => {
        const delivery = await sentDelivery("email", "msg-3@mg.test")
        const forged = payload("delivered", "msg-3@mg.test")
        forged.signature.signature = "0".repeat(64)
        const stale = payload("delivered", "msg-3@mg.test", { timestamp: Math.floor(Date.now() / 1000) - 3600 })
        const wrongKey = mailgunWebhookPayload({ signingKey: "another-key", event: "delivered", messageId: "msg-3@mg.test", recipient: "x@y.z" } as any)
        for (const body of [forged, stale, wrongKey, { "event-data": forged["event-data"] }]) {
          const response = await responseOf(api.post("/webhooks/mailgun", body))
          expect(response.status).toBe(401)
          expect(JSON.stringify(response.data)).not.toContain(SIGNING_KEY)
        }
        expect(await statusOf(delivery.id)).toBe("sent")

        const genuine = payload("delivered", "msg-3@mg.test")
        expect((await api.post("/webhooks/mailgun", genuine)).status).toBe(200)
        expect((await responseOf(api.post("/webhooks/mailgun", genuine))).status).toBe(401)
      })

      it("acknowledges events about unknown messages and events that change nothing", async () => {
        expect((await api.post("/webhooks/mailgun", payload("delivered", "unknown@mg.test"))).data).toEqual({ updated: false, status: null })
        const delivery = await sentDelivery("email", "msg-4@mg.test")
        await api.post("/webhooks/mailgun", payload("failed", "msg-4@mg.test", { severity: "temporary" }))
        expect(await statusOf(delivery.id)).toBe("sent")
      })
    })

    describe("Twilio webhook", () => {
      const post = (params: Record<string, string>, signature = twilioSignature(TWILIO_TEST_AUTH_TOKEN, CALLBACK_URL, params)) =>
        responseOf(
          api.post("/webhooks/twilio", new URLSearchParams(params).toString(), {
            headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
          })
        )

      it("marks a message delivered or undelivered with Twilio's error code", async () => {
        const delivered = await sentDelivery("sms", "SM00000000000000000000000000000001")
        const ok = await post({ MessageSid: "SM00000000000000000000000000000001", MessageStatus: "delivered", AccountSid: TWILIO_TEST_ACCOUNT_SID })
        expect(ok.status).toBe(200)
        expect(await statusOf(delivered.id)).toBe("delivered")

        const lost = await sentDelivery("sms", "SM00000000000000000000000000000002")
        await post({ MessageSid: "SM00000000000000000000000000000002", MessageStatus: "undelivered", ErrorCode: "30003" })
        const row = await deliveries().retrieveDeliveryRecord(lost.id)
        expect(row).toMatchObject({ status: "undelivered", status_reason: "Twilio error 30003" })
      })

      it("refuses a bad signature with 401 and changes nothing", async () => {
        const delivery = await sentDelivery("sms", "SM00000000000000000000000000000003")
        const params = { MessageSid: "SM00000000000000000000000000000003", MessageStatus: "delivered" }
        expect((await post(params, twilioSignature("wrong-token", CALLBACK_URL, params))).status).toBe(401)
        expect((await post(params, "")).status).toBe(401)
        expect((await post({ ...params, MessageStatus: "failed" }, twilioSignature(TWILIO_TEST_AUTH_TOKEN, CALLBACK_URL, params))).status).toBe(401)
        expect(await statusOf(delivery.id)).toBe("sent")
      })
    })

    describe("admin deliveries", () => {
      it("lists messages with masked recipients, filters them, and shows one with its body", async () => {
        const email = await sentDelivery("email", "msg-5@mg.test")
        await sentDelivery("sms", "SM00000000000000000000000000000005")
        const { data } = await api.get("/admin/commerce-bridge/deliveries?channel=email", admin)
        expect(data.count).toBe(1)
        expect(data.deliveries[0]).toMatchObject({ id: email.id, recipient: "j***@e***.com", channel: "email", status: "sent" })
        expect(data.deliveries[0].html).toBeUndefined()
        expect(JSON.stringify(data)).not.toContain("jane@example.com")

        const { data: sms } = await api.get("/admin/commerce-bridge/deliveries?channel=sms", admin)
        expect(sms.deliveries[0].recipient).toBe("+***78")

        const { data: detail } = await api.get(`/admin/commerce-bridge/deliveries/${email.id}`, admin)
        expect(detail.delivery).toMatchObject({ html: "<p>Hi Jane</p>", text: "Hi Jane", recipient: "j***@e***.com" })
      })

      it("answers 400 for a bad filter, 404 for an unknown delivery, 401 without a session", async () => {
        const bad = await responseOf(api.get("/admin/commerce-bridge/deliveries?status=lost", admin))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("status")
        expect((await responseOf(api.get("/admin/commerce-bridge/deliveries/cbdel_nope", admin))).status).toBe(404)
        expect((await responseOf(api.get("/admin/commerce-bridge/deliveries"))).status).toBe(401)
      })

      it("resends a message as a new delivery that goes out again", async () => {
        const shop = await setUpShop(getContainer())
        const order = await placeOrder(api, shop, { email: "jane@example.com" })
        const original = await eventually(async () => {
          const [row] = (await deliveries().listDeliveries({ resource_id: order.id })) as unknown as DeliveryRecord[]
          expect(row.status).toBe("sent")
          return row
        })
        const { data } = await api.post(`/admin/commerce-bridge/deliveries/${original.id}/resend`, {}, admin)
        expect(data.delivery).toMatchObject({ resent_from_id: original.id, status: "queued", recipient: "j***@e***.com" })
        await eventually(async () => expect(await statusOf(data.delivery.id)).toBe("sent"))
        expect(vendors.mailgun.messages).toHaveLength(2)
        expect(vendors.mailgun.messages[1].subject).toBe(vendors.mailgun.messages[0].subject)
      })
    })

    describe("test messages", () => {
      it("sends a test email through Mailgun and a test SMS through Twilio", async () => {
        const { data } = await api.post("/admin/commerce-bridge/integrations/mailgun/test-message", { to: "owner@example.com" }, admin)
        expect(data.delivery).toMatchObject({ channel: "email", template: "test-message", recipient: "o***@e***.com" })
        await eventually(async () => expect(await statusOf(data.delivery.id)).toBe("sent"))
        expect(vendors.mailgun.messages[0]).toMatchObject({ to: ["owner@example.com"], subject: "CommerceBridge: test message" })

        const { data: sms } = await api.post("/admin/commerce-bridge/integrations/twilio/test-message", { to: "+4915112345678" }, admin)
        await eventually(async () => expect(await statusOf(sms.delivery.id)).toBe("sent"))
        expect(vendors.twilio.messages[0].body).toContain("through Twilio")
      })

      it("lands in the outbox when the integration is switched off", async () => {
        await api.post("/admin/commerce-bridge/integrations/mailgun", { enabled: false }, admin)
        const { data } = await api.post("/admin/commerce-bridge/integrations/mailgun/test-message", { to: "owner@example.com" }, admin)
        await eventually(async () => expect(await statusOf(data.delivery.id)).toBe("outboxed"))
        expect(vendors.mailgun.sendAttempts).toBe(0)
      })

      it.each([
        ["mailgun", { to: "not-an-email" }, "to"],
        ["twilio", { to: "0151 123" }, "to"],
        ["strapi", { to: "owner@example.com" }, "does not send messages"],
        ["mailgun", { to: "a@b.co", cc: "x" }, "cc"],
      ])("answers 400 for a test message through %s with %j", async (name, body, expected) => {
        const response = await responseOf(api.post(`/admin/commerce-bridge/integrations/${name}/test-message`, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(expected)
      })
    })

    describe("store events", () => {
      it("welcomes a customer who registers, and sends a password reset link", async () => {
        const shop = await setUpShop(getContainer())
        const headers = { headers: { "x-publishable-api-key": shop.publishableKey } }
        const { data: auth } = await api.post("/auth/customer/emailpass/register", { email: "new@example.com", password: "secret-pass" })
        await api.post("/store/customers", { email: "new@example.com", first_name: "Nina" }, { headers: { ...headers.headers, authorization: `Bearer ${auth.token}` } })
        await eventually(async () => expect(vendors.mailgun.messages.map((m) => m.subject)).toContain("Welcome to Medusa Store"))
        expect(vendors.mailgun.messages[0].text).toContain("Hi Nina,")

        await api.post("/auth/customer/emailpass/reset-password", { identifier: "new@example.com" })
        const reset = await eventually(async () => {
          const message = vendors.mailgun.messages.find((m) => m.subject === "Reset your Medusa Store password")
          expect(message).toBeDefined()
          return message!
        })
        expect(reset.text).toMatch(/http:\/\/localhost:8000\/reset-password\?token=[^&\s]+&email=new%40example.com/)
      })

      it("tells the customer when the order ships, with its tracking link, and when a refund is issued", async () => {
        const shop = await setUpShop(getContainer())
        const placed = await placeOrder(api, shop, { email: "jane@example.com" })
        await eventually(async () => expect(vendors.mailgun.messages).toHaveLength(1))
        const { data } = await api.get(`/admin/orders/${placed.id}?fields=items.id,payment_collections.payments.id`, admin)
        const items = data.order.items.map((item: any) => ({ id: item.id, quantity: 2 })) // placeOrder buys two
        const { data: fulfilled } = await api.post(`/admin/orders/${placed.id}/fulfillments?fields=fulfillments.id`, { items }, admin)
        const fulfillmentId = fulfilled.order.fulfillments[0].id
        const labels = [{ tracking_number: "TRK-42", tracking_url: "https://track.example.com/TRK-42", label_url: "https://track.example.com/label" }]
        await api.post(`/admin/orders/${placed.id}/fulfillments/${fulfillmentId}/shipments`, { items, labels }, admin)
        const shipped = await eventually(async () => {
          const message = vendors.mailgun.messages.find((m) => m.subject === `Your order #${placed.display_id} is on its way`)
          expect(message).toBeDefined()
          return message!
        })
        expect(shipped.text).toContain("Tracking number: TRK-42 https://track.example.com/TRK-42")

        const paymentId = data.order.payment_collections[0].payments[0].id
        await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 10 }, admin)
        const refund = await eventually(async () => {
          const message = vendors.mailgun.messages.find((m) => m.subject === `Refund for order #${placed.display_id}`)
          expect(message).toBeDefined()
          return message!
        })
        expect(refund.text).toContain(`We have refunded €10.00 for your order #${placed.display_id}.`)
      })

      it("tells the customer when an order is canceled", async () => {
        const shop = await setUpShop(getContainer())
        const order = await placeOrder(api, shop, { email: "jane@example.com" })
        await eventually(async () => expect(vendors.mailgun.messages).toHaveLength(1))
        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
        await eventually(async () => expect(vendors.mailgun.messages.map((m) => m.subject)).toContain(`Order #${order.display_id} canceled`))
      })
    })
  },
})
