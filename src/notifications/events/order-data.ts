import type { PlanContext, PlannedMessage } from "./types"
import type { TemplateName } from "../templates/catalogue"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "locale",
  "currency_code",
  "created_at",
  "total",
  "subtotal",
  "shipping_total",
  "tax_total",
  "discount_total",
  "items.title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "items.thumbnail",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "shipping_address.address_1",
  "shipping_address.city",
  "shipping_address.postal_code",
  "shipping_address.country_code",
  "shipping_address.phone",
  "customer.first_name",
  "customer.last_name",
  "customer.phone",
  "customer.metadata",
]

/** Medusa's totals arrive as BigNumber objects or numbers; templates want numbers. */
export function toNumber(value: unknown): number {
  const raw = (value as { numeric?: unknown })?.numeric ?? value
  const number = Number(raw)
  return Number.isFinite(number) ? number : 0
}

const MONEY_FIELDS = ["total", "subtotal", "shipping_total", "tax_total", "discount_total"]

/** The order as templates see it: money as plain numbers (the `money` filter formats them per locale). */
export async function loadOrder(context: PlanContext, id: string): Promise<Record<string, any> | undefined> {
  const { data } = await context.query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id } })
  const order = data[0] as Record<string, any> | undefined
  if (!order) return undefined
  return {
    ...order,
    ...Object.fromEntries(MONEY_FIELDS.map((field) => [field, toNumber(order[field])])),
    items: (order.items ?? []).map((item: Record<string, any>) => ({
      ...item,
      unit_price: toNumber(item.unit_price),
      total: toNumber(item.total),
    })),
  }
}

/** The email (and SMS, when a phone is known and SMS is on) that an order event calls for. */
export function orderMessages(
  context: PlanContext,
  order: Record<string, any>,
  template: TemplateName,
  key: string,
  extra: Record<string, unknown> = {}
): PlannedMessage[] {
  const locales = [order.locale, order.customer?.metadata?.locale, ...context.store.locales]
  const customer = { first_name: order.customer?.first_name || order.shipping_address?.first_name || "", last_name: order.customer?.last_name ?? "" }
  const base = { template, locales, resource_type: "order", resource_id: order.id as string, key }
  const data = { store: context.store, customer, order, ...extra }
  const messages: PlannedMessage[] = []
  if (order.email) messages.push({ ...base, channel: "email", recipient: order.email, data })
  const phone = order.shipping_address?.phone || order.customer?.phone
  if (context.options.sms && phone) messages.push({ ...base, channel: "sms", recipient: phone, data })
  return messages
}
