import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { NOTIFICATIONS_MODULE } from ".."
import type DeliveryModuleService from "../service"
import type { NewDelivery } from "../types"

jest.setTimeout(60 * 1000)

const message = (key: string, overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  idempotency_key: key,
  event: "order.placed",
  template: "order-placed",
  channel: "email",
  locale: "en",
  recipient: "jane@example.com",
  subject: "Order #1 confirmed",
  html: "<p>Hi</p>",
  text: "Hi",
  resource_type: "order",
  resource_id: "order_1",
  ...overrides,
})

moduleIntegrationTestRunner<DeliveryModuleService>({
  moduleName: NOTIFICATIONS_MODULE,
  resolve: "./src/modules/notifications",
  testSuite: ({ service }) => {
    it("records each idempotency key once, however often it is offered", async () => {
      const first = await service.recordDeliveries([message("a"), message("b", { channel: "sms", recipient: "+4915112345678" })])
      expect(first.created.map((row) => row.idempotency_key)).toEqual(["a", "b"])
      expect(first.created[0]).toMatchObject({ status: "queued", attempts: 0 })

      const again = await service.recordDeliveries([message("a"), message("c")])
      expect(again.created.map((row) => row.idempotency_key)).toEqual(["c"])
      expect(again.existing.map((row) => row.idempotency_key)).toEqual(["a"])

      const concurrent = await Promise.all([service.recordDeliveries([message("d")]), service.recordDeliveries([message("d")])])
      expect(concurrent.flatMap((result) => result.created)).toHaveLength(1)
      expect(await service.listDeliveries({ idempotency_key: "d" })).toHaveLength(1)
    })

    it("applies vendor reports by vendor id and never leaves a final status", async () => {
      const { created } = await service.recordDeliveries([message("e")])
      await service.markSent(created[0].id, { provider: "mailgun", attempts: 1, external_id: "msg-e@mg.test", notification_id: null })

      expect(await service.applyStatusReport({ provider: "twilio", external_id: "msg-e@mg.test", status: "delivered" })).toBeNull()
      const bounced = await service.applyStatusReport({ provider: "mailgun", external_id: "msg-e@mg.test", status: "bounced", reason: "550 mailbox unknown" })
      expect(bounced).toMatchObject({ status: "bounced", status_reason: "550 mailbox unknown" })
      const late = await service.applyStatusReport({ provider: "mailgun", external_id: "msg-e@mg.test", status: "delivered" })
      expect(late!.status).toBe("bounced")
    })

    it("resends a message as a queued copy that points at the original", async () => {
      const { created } = await service.recordDeliveries([message("f")])
      await service.markSent(created[0].id, { provider: "mailgun", attempts: 1, external_id: "msg-f", notification_id: null })
      const first = await service.createResend(created[0].id)
      const second = await service.createResend(created[0].id)
      expect(first).toMatchObject({ resent_from_id: created[0].id, status: "queued", attempts: 0, subject: "Order #1 confirmed", recipient: "jane@example.com" })
      expect([first.idempotency_key, second.idempotency_key]).toEqual([`resend:${created[0].id}:1`, `resend:${created[0].id}:2`])
      await expect(service.createResend("cbdel_missing")).rejects.toThrow("not found")
    })

    it("knows which messages are settled", async () => {
      const { created } = await service.recordDeliveries([message("g")])
      expect(service.isSettled(created[0])).toBe(false)
      await service.markStatus(created[0].id, "outboxed", "Mailgun is switched off in the Integrations page", { provider: "outbox" })
      const row = await service.retrieveDeliveryRecord(created[0].id)
      expect(row).toMatchObject({ provider: "outbox", status_reason: "Mailgun is switched off in the Integrations page" })
      expect(service.isSettled(row)).toBe(true)
    })
  },
})
