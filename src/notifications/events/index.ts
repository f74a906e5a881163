import { createHash } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { loadOrder, orderMessages, toNumber } from "./order-data"
import type { EventPlanner, PlanContext } from "./types"

const orderEvent =
  (template: "order-placed" | "order-canceled"): EventPlanner =>
  async (context, data) => {
    const order = await loadOrder(context, data.id)
    return order ? orderMessages(context, order, template, order.id) : []
  }

const orderShipped: EventPlanner = async (context, data) => {
  if (data.no_notification) return []
  const { data: fulfillments } = await context.query.graph({
    entity: "fulfillment",
    fields: ["id", "labels.tracking_number", "labels.tracking_url", "order.id"],
    filters: { id: data.id },
  })
  const fulfillment = fulfillments[0] as Record<string, any> | undefined
  const order = fulfillment?.order?.id ? await loadOrder(context, fulfillment.order.id) : undefined
  if (!order) return []
  const tracking = (fulfillment!.labels ?? []).map((label: Record<string, string>) => ({ number: label.tracking_number, url: label.tracking_url }))
  return orderMessages(context, order, "order-shipped", fulfillment!.id, { shipment: { tracking } })
}

const refundIssued: EventPlanner = async (context, data) => {
  const { data: payments } = await context.query.graph({
    entity: "payment",
    fields: ["id", "refunds.id", "refunds.amount", "refunds.note", "refunds.created_at", "payment_collection.order.id"],
    filters: { id: data.id },
  })
  const payment = payments[0] as Record<string, any> | undefined
  const refund = [...(payment?.refunds ?? [])].sort((a, b) => +new Date(b.created_at) - +new Date(a.created_at))[0]
  const orderId = payment?.payment_collection?.order?.id
  const order = refund && orderId ? await loadOrder(context, orderId) : undefined
  if (!order) return []
  const extra = { refund: { amount: toNumber(refund.amount), note: refund.note ?? null } }
  return orderMessages(context, order, "refund-issued", refund.id, extra)
}

const customerWelcome: EventPlanner = async (context, data) => {
  const { data: customers } = await context.query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "has_account", "metadata"],
    filters: { id: data.id },
  })
  const customer = customers[0] as Record<string, any> | undefined
  if (!customer?.has_account || !customer.email) return []
  return [
    {
      template: "customer-welcome",
      channel: "email",
      recipient: customer.email,
      locales: [customer.metadata?.locale, ...context.store.locales],
      data: { store: context.store, customer },
      resource_type: "customer",
      resource_id: customer.id,
      key: customer.id,
    },
  ]
}

const passwordReset: EventPlanner = async (context, data) => {
  const email = data.entity_id as string | undefined
  if (!email || !data.token) return []
  const admin = data.actor_type === "user"
  const base = admin ? `${context.options.adminUrl}/app/reset-password` : `${context.options.storefrontUrl}/reset-password`
  const url = `${base}?token=${encodeURIComponent(data.token)}&email=${encodeURIComponent(email)}`
  const customer = admin ? undefined : await customerByEmail(context, email)
  return [
    {
      template: admin ? "admin-password-reset" : "password-reset",
      channel: "email",
      recipient: email,
      locales: [customer?.metadata?.locale, ...context.store.locales],
      data: { store: context.store, customer: customer ?? {}, reset: { url } },
      resource_type: admin ? "user" : "customer",
      resource_id: customer?.id ?? email,
      // Every request carries a new token and deserves its own message.
      key: createHash("sha256").update(String(data.token)).digest("hex").slice(0, 16),
    },
  ]
}

async function customerByEmail(context: PlanContext, email: string) {
  const { data } = await context.query.graph({ entity: "customer", fields: ["id", "first_name", "metadata"], filters: { email } })
  return data[0] as Record<string, any> | undefined
}

/** The store events that send messages, and what each one sends. */
export const EVENT_PLANNERS: Record<string, EventPlanner> = {
  "order.placed": orderEvent("order-placed"),
  "order.canceled": orderEvent("order-canceled"),
  "shipment.created": orderShipped,
  "payment.refunded": refundIssued,
  "customer.created": customerWelcome,
  "auth.password_reset": passwordReset,
}

export function plannerFor(event: string): EventPlanner {
  const planner = EVENT_PLANNERS[event]
  if (!planner) throw new MedusaError(MedusaError.Types.INVALID_DATA, `No notifications are defined for event "${event}"`)
  return planner
}

export type { PlanContext, PlannedMessage, StoreInfo } from "./types"
