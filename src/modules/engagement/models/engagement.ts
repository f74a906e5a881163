import { model } from "@medusajs/framework/utils"
import { ENGAGEMENT_CHANNELS, ENGAGEMENT_KINDS, ENGAGEMENT_STATUSES, SUBJECT_TYPES } from "../types"

/**
 * One piece of text the model wrote (or failed to write) for a merchant: what it is about, how it
 * was asked for, what it cost, and its review: draft → approved → applied / sent, or rejected.
 * It never holds a customer's contact data: the recipient is looked up when a message is sent.
 */
export const Engagement = model
  .define("commerce_bridge_engagement", {
    id: model.id({ prefix: "eng" }).primaryKey(),
    kind: model.enum([...ENGAGEMENT_KINDS]),
    subject_type: model.enum([...SUBJECT_TYPES]),
    subject_id: model.text(),
    locale: model.text(),
    tone: model.text(),
    /** email or sms, for customer messages. */
    channel: model.enum([...ENGAGEMENT_CHANNELS]).nullable(),
    status: model.enum([...ENGAGEMENT_STATUSES]).default("draft"),
    /** The model's answer, shaped by the kind's schema (and edited by the merchant while a draft). */
    content: model.json().nullable(),
    /** The merchant's extra instruction, contact data masked. */
    instructions: model.text().nullable(),
    /** Why generation failed. */
    error: model.text().nullable(),
    model: model.text().nullable(),
    prompt_version: model.text().nullable(),
    /** sha256 of kind, prompt version, model, locale, tone and prompt: equal input reuses the answer. */
    input_hash: model.text().nullable(),
    tokens_in: model.number().default(0),
    tokens_out: model.number().default(0),
    // A float, not a bigNumber: Medusa rounds big numbers below 0.0001 to 0, and one generation often costs less.
    cost_usd: model.float().default(0),
    /** Set when the content was reused from an earlier engagement with the same input (at no cost). */
    reused_from_id: model.text().nullable(),
    requested_by: model.text().nullable(),
    approved_by: model.text().nullable(),
    approved_at: model.dateTime().nullable(),
    /** When the text reached the product, or the message was handed to the notification pipeline. */
    applied_at: model.dateTime().nullable(),
    /** The message's delivery (Settings → Deliveries), for a sent customer message. */
    delivery_id: model.text().nullable(),
    bulk_run_id: model.text().nullable(),
    /** What applying replaced on the product, so it can be put back. */
    previous: model.json().nullable(),
  })
  .indexes([
    { on: ["input_hash"], where: "input_hash IS NOT NULL" },
    { on: ["subject_id"] },
    { on: ["bulk_run_id"], where: "bulk_run_id IS NOT NULL" },
    { on: ["created_at"] },
  ])
