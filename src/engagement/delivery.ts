import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { NewDelivery } from "../modules/notifications/types"
import type { EngagementRecord } from "../modules/engagement/types"
import { customerMessageSchema } from "./prompts/customer-message"

export const ENGAGEMENT_DELIVERY_TEMPLATE = "engagement-message"
export const ENGAGEMENT_DELIVERY_EVENT = "commerce-bridge.engagement"

/** The customer's e-mail address or phone number for the message's channel, read at send time. */
export async function customerContact(container: MedusaContainer, engagement: EngagementRecord): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channel = engagement.channel ?? "email"
  const contact =
    engagement.subject_type === "customer"
      ? await first(query, "customer", engagement.subject_id, ["email", "phone"])
      : await first(query, "order", engagement.subject_id, ["email", "shipping_address.phone", "customer.phone", "customer.email"])
  const email = contact.email || contact.customer?.email
  const phone = contact.shipping_address?.phone || contact.phone || contact.customer?.phone
  const recipient = channel === "sms" ? phone : email
  if (!recipient) {
    const what = channel === "sms" ? "phone number" : "e-mail address"
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The ${engagement.subject_type} ${engagement.subject_id} has no ${what} to send the message to`)
  }
  return recipient
}

async function first(query: any, entity: string, id: string, fields: string[]): Promise<Record<string, any>> {
  const { data } = await query.graph({ entity, fields: ["id", ...fields], filters: { id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${entity === "order" ? "Order" : "Customer"} ${id} was not found`)
  return data[0]
}

/** The approved text as one message of the notification pipeline, keyed to the engagement so it is sent once. */
export function engagementDelivery(engagement: EngagementRecord, recipient: string): NewDelivery {
  const { subject, body } = customerMessageSchema.parse(engagement.content)
  const channel = engagement.channel ?? "email"
  return {
    idempotency_key: `engagement:${engagement.id}:${channel}`,
    event: ENGAGEMENT_DELIVERY_EVENT,
    template: ENGAGEMENT_DELIVERY_TEMPLATE,
    channel,
    locale: engagement.locale,
    recipient,
    resource_type: engagement.subject_type,
    resource_id: engagement.subject_id,
    subject: channel === "email" ? subject : null,
    html: channel === "email" ? paragraphsHtml(body) : null,
    text: body,
  }
}

/** Plain text as HTML paragraphs, escaped. */
export function paragraphsHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n")
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!)
}
