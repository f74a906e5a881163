import { createHash } from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type DeliveryModuleService from "../modules/notifications/service"
import type { NewDelivery } from "../modules/notifications/types"
import { plannerFor, PlannedMessage, StoreInfo } from "./events"

/** The messages an event calls for, rendered and keyed so that a redelivered event maps to the same rows. */
export async function planEventDeliveries(
  container: MedusaContainer,
  deliveries: DeliveryModuleService,
  event: string,
  data: Record<string, unknown>
): Promise<NewDelivery[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const options = deliveries.settings
  const store = await storeInfo(query, options.storefrontUrl)
  const planned = await plannerFor(event)({ query, options, store }, data)
  const wanted = planned.filter((message) => options.templates?.[message.template] !== false)
  return Promise.all(wanted.map((message) => renderDelivery(deliveries, event, message)))
}

async function renderDelivery(deliveries: DeliveryModuleService, event: string, message: PlannedMessage): Promise<NewDelivery> {
  const locale = deliveries.renderer.resolveLocale(message.locales)
  const rendered = await deliveries.renderer.render(message.template, message.channel, locale, message.data)
  return {
    idempotency_key: idempotencyKey(event, message),
    event,
    template: message.template,
    channel: message.channel,
    locale,
    recipient: message.recipient,
    resource_type: message.resource_type,
    resource_id: message.resource_id,
    ...rendered,
  }
}

/** Event, subject, template, channel and recipient (hashed: keys show up in logs and queue ids). */
export function idempotencyKey(event: string, message: Pick<PlannedMessage, "key" | "template" | "channel" | "recipient">): string {
  const recipient = createHash("sha256").update(message.recipient.trim().toLowerCase()).digest("hex").slice(0, 16)
  return `${event}:${message.key}:${message.template}:${message.channel}:${recipient}`
}

async function storeInfo(query: any, url: string): Promise<StoreInfo> {
  const { data } = await query.graph({ entity: "store", fields: ["name", "supported_locales.locale_code"] })
  const store = data[0] ?? {}
  return {
    name: store.name ?? "Medusa Store",
    url,
    locales: (store.supported_locales ?? []).map((locale: { locale_code: string }) => locale.locale_code),
  }
}
