import { model } from "@medusajs/framework/utils"

/** One message to one recipient: what was rendered, where it went, and what became of it. */
export const Delivery = model
  .define("commerce_bridge_delivery", {
    id: model.id({ prefix: "cbdel" }).primaryKey(),
    /** Derived from the event, template, channel and recipient: a redelivered event finds its message here. */
    idempotency_key: model.text().unique(),
    event: model.text().nullable(),
    template: model.text(),
    channel: model.enum(["email", "sms", "whatsapp"]),
    locale: model.text(),
    /** The address or number; the admin API only ever shows it masked. */
    recipient: model.text(),
    resource_type: model.text().nullable(),
    resource_id: model.text().nullable(),
    /** mailgun, twilio or outbox; null until the first attempt. */
    provider: model.text().nullable(),
    status: model
      .enum(["queued", "sent", "delivered", "bounced", "failed", "undelivered", "dead", "outboxed"])
      .default("queued"),
    /** Why the message is where it is (masked): the vendor's error, or why it went to the outbox. */
    status_reason: model.text().nullable(),
    attempts: model.number().default(0),
    subject: model.text().nullable(),
    html: model.text().nullable(),
    text: model.text(),
    /** The vendor's message id (Mailgun message-id, Twilio SID), matched by delivery webhooks. */
    external_id: model.text().nullable(),
    notification_id: model.text().nullable(),
    /** Set on a copy created by "Resend". */
    resent_from_id: model.text().nullable(),
    last_attempt_at: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
    status_changed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["external_id"], where: "external_id IS NOT NULL" },
    { on: ["status"] },
    { on: ["resource_id"] },
  ])
