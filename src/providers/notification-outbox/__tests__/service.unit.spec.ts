import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { classifyFailure } from "../../../notifications/delivery-errors"
import { sampleOrderData } from "../../../notifications/__tests__/sample-data"
import { OutboxNotificationService } from "../service"

/** Records what the provider asks of the deliveries module (`commerceBridgeNotifications`). */
function fakeDeliveries(answer?: (entries: any[]) => { created: any[]; existing: any[] }) {
  let next = 1
  return {
    recordDeliveries: jest.fn(async (entries: any[]) => answer?.(entries) ?? { created: entries.map((entry) => ({ id: `del_${next++}`, ...entry })), existing: [] }),
    markStatus: jest.fn(async (_id: string, _status: string, _reason: string | null, _provider?: string) => undefined),
  }
}

const logger = () => ({ info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() })

const orderData = sampleOrderData

const caught = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => Promise.reject(new Error("expected a rejection")),
    (error) => error
  )

describe("OutboxNotificationService", () => {
  it("marks the delivery named in data.delivery_id as outboxed and records nothing new", async () => {
    const deliveries = fakeDeliveries()
    const service = new OutboxNotificationService({ logger: logger(), commerceBridgeNotifications: deliveries } as any)

    const result = await service.send({
      to: "jane@example.com",
      channel: "email",
      template: "order-placed",
      content: { subject: "Order #1042 confirmed", html: "<p>Thanks</p>", text: "Thanks" },
      data: { delivery_id: "del_existing" },
    })

    expect(result).toEqual({ id: "del_existing" })
    expect(deliveries.markStatus).toHaveBeenCalledTimes(1)
    expect(deliveries.markStatus).toHaveBeenCalledWith("del_existing", "outboxed", "Stored in the outbox", { provider: "outbox" })
    expect(deliveries.recordDeliveries).not.toHaveBeenCalled()
  })

  it("records a new delivery with the given content and marks it outboxed", async () => {
    const deliveries = fakeDeliveries()
    const log = logger()
    const service = new OutboxNotificationService({ logger: log, commerceBridgeNotifications: deliveries } as any)

    const notification: ProviderSendNotificationDTO = {
      to: "jane.doe@example.com",
      channel: "email",
      template: "order-placed",
      content: { subject: "Order #1042 confirmed", html: "<p>Thanks</p>", text: "Thanks" },
      data: { locale: "de" },
    }
    const result = await service.send(notification)

    expect(deliveries.recordDeliveries).toHaveBeenCalledTimes(1)
    const [entries] = deliveries.recordDeliveries.mock.calls[0]
    expect(entries).toEqual([
      {
        idempotency_key: expect.stringMatching(/^outbox:[0-9a-f-]{36}$/),
        template: "order-placed",
        channel: "email",
        locale: "de",
        recipient: "jane.doe@example.com",
        subject: "Order #1042 confirmed",
        html: "<p>Thanks</p>",
        text: "Thanks",
      },
    ])
    expect(result).toEqual({ id: "del_1" })
    expect(deliveries.markStatus).toHaveBeenCalledWith("del_1", "outboxed", "Stored in the outbox", { provider: "outbox" })
    expect(deliveries.recordDeliveries.mock.invocationCallOrder[0]).toBeLessThan(deliveries.markStatus.mock.invocationCallOrder[0])

    // The log names the delivery but not the customer's address.
    expect(log.info).toHaveBeenCalledTimes(1)
    const line = log.info.mock.calls[0][0] as string
    expect(line).toContain("del_1")
    expect(line).toContain("order-placed")
    expect(line).not.toContain("jane.doe@example.com")
  })

  it("renders a notification with only a template and data, in data.locale, before storing it", async () => {
    const deliveries = fakeDeliveries()
    const service = new OutboxNotificationService({ logger: logger(), commerceBridgeNotifications: deliveries } as any)

    await service.send({ to: "jane@example.com", channel: "email", template: "order-placed", data: { ...orderData, locale: "de" } })

    const [[entry]] = deliveries.recordDeliveries.mock.calls[0]
    expect(entry.locale).toBe("de")
    expect(entry.subject).toBe("Bestellung #1042 bestätigt")
    expect(entry.html).toContain("<!doctype html>")
    expect(entry.html).toContain("Linen shirt")
    expect(entry.text).toContain("Hallo Jane,")
    expect(deliveries.markStatus).toHaveBeenCalledWith("del_1", "outboxed", "Stored in the outbox", { provider: "outbox" })
  })

  it("stores an SMS rendered for SMS, with no subject or html, and the locale defaulting to en", async () => {
    const deliveries = fakeDeliveries()
    const log = logger()
    const service = new OutboxNotificationService({ logger: log, commerceBridgeNotifications: deliveries } as any)

    await service.send({ to: "+4915123456789", channel: "sms", template: "order-placed", data: orderData })

    const [[entry]] = deliveries.recordDeliveries.mock.calls[0]
    expect(entry).toMatchObject({ channel: "sms", locale: "en", recipient: "+4915123456789", subject: null, html: null })
    expect(entry.text).toContain("#1042")
    expect(log.info.mock.calls[0][0]).not.toContain("+4915123456789")
  })

  it("gives every stored message its own idempotency key", async () => {
    const deliveries = fakeDeliveries()
    const service = new OutboxNotificationService({ logger: logger(), commerceBridgeNotifications: deliveries } as any)
    const notification = { to: "jane@example.com", channel: "email", template: "order-placed", content: { text: "Thanks" } }

    const first = await service.send(notification)
    const second = await service.send(notification)

    const keys = deliveries.recordDeliveries.mock.calls.map(([[entry]]) => entry.idempotency_key)
    expect(new Set(keys).size).toBe(2)
    expect(first.id).not.toBe(second.id)
  })

  it("marks the existing row when the deliveries module already knew the key", async () => {
    const deliveries = fakeDeliveries(() => ({ created: [], existing: [{ id: "del_known" }] }))
    const service = new OutboxNotificationService({ logger: logger(), commerceBridgeNotifications: deliveries } as any)

    const result = await service.send({ to: "jane@example.com", channel: "email", template: "order-placed", content: { text: "Thanks" } })

    expect(result).toEqual({ id: "del_known" })
    expect(deliveries.markStatus).toHaveBeenCalledWith("del_known", "outboxed", "Stored in the outbox", { provider: "outbox" })
  })

  it("ignores a delivery_id that is not a string", async () => {
    const deliveries = fakeDeliveries()
    const service = new OutboxNotificationService({ logger: logger(), commerceBridgeNotifications: deliveries } as any)

    await service.send({ to: "jane@example.com", channel: "email", template: "order-placed", content: { text: "Thanks" }, data: { delivery_id: 42 } })

    expect(deliveries.recordDeliveries).toHaveBeenCalledTimes(1)
    expect(deliveries.markStatus).toHaveBeenCalledWith("del_1", "outboxed", "Stored in the outbox", { provider: "outbox" })
  })

  it("fails permanently naming commerceBridgeNotifications when the container has no deliveries module", async () => {
    const service = new OutboxNotificationService({ logger: logger() } as any)
    const error = await caught(service.send({ to: "jane@example.com", channel: "email", template: "order-placed", content: { text: "Thanks" } }))

    expect(error.message).toContain('"commerceBridgeNotifications"')
    expect(error.message).toContain("[cb:permanent]")
    expect(classifyFailure(error).kind).toBe("permanent")
  })

  it("fails the same way when the container throws on the unknown key, as Medusa's awilix container does", async () => {
    const container = new Proxy({ logger: logger() } as Record<string, unknown>, {
      get(target, key) {
        if (typeof key === "string" && !(key in target)) throw new Error(`Could not resolve '${key}'`)
        return target[key as string]
      },
    })
    const service = new OutboxNotificationService(container as any)
    const error = await caught(service.send({ to: "jane@example.com", channel: "email", template: "order-placed", content: { text: "Thanks" } }))

    expect(error.message).toContain('"commerceBridgeNotifications"')
    expect(classifyFailure(error).kind).toBe("permanent")
  })

  it("lets a failure of the deliveries module through, so the send is retried", async () => {
    const deliveries = fakeDeliveries()
    deliveries.markStatus.mockRejectedValueOnce(new Error("connection terminated"))
    const service = new OutboxNotificationService({ logger: logger(), commerceBridgeNotifications: deliveries } as any)

    const error = await caught(service.send({ to: "jane@example.com", channel: "email", template: "x", content: { text: "Thanks" }, data: { delivery_id: "del_9" } }))
    expect(error.message).toBe("connection terminated")
    expect(classifyFailure(error).kind).toBe("transient")
  })
})
