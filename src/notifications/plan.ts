import { createHash } from "crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { NOTIFICATIONS_MODULE } from "../modules/notifications"
import type DeliveryModuleService from "../modules/notifications/service"
import type { DeliveryRecord, NewDelivery } from "../modules/notifications/types"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { plannerFor, PlannedMessage, StoreInfo } from "./events"
import { NOTIFICATIONS_QUEUE, retryOptions } from "./options"

/**
 * The worker's handling of one store event: render its messages, record those not recorded yet,
 * and queue every one still waiting. Safe to run again: a retry or a redelivered event finds the
 * recorded rows, and a row's job id is its own id, so nothing is queued twice.
 */
export async function queueEventDeliveries(container: MedusaContainer, event: string, data: Record<string, unknown>) {
  const deliveries = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
  const planned = await planEventDeliveries(container, deliveries, event, data)
  const { created, existing } = await deliveries.recordDeliveries(planned)
  const waiting = [...created, ...existing.filter((row) => row.status === "queued")]
  await pushDeliveries(container, waiting)
  return waiting
}

/** One job per message, keyed by the message's id. */
export async function pushDeliveries(container: MedusaContainer, rows: Pick<DeliveryRecord, "id" | "template">[]) {
  if (!rows.length) return []
  const { settings } = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
  const options = retryOptions(settings)
  return container.resolve<QueueModuleService>(QUEUE_MODULE).pushBulk(
    NOTIFICATIONS_QUEUE,
    rows.map((row) => ({ name: row.template, data: { delivery_id: row.id }, options: { ...options, jobId: row.id } }))
  )
}

/** The messages an event calls for, rendered and keyed so that a redelivered event maps to the same rows. */
async function planEventDeliveries(
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
function idempotencyKey(event: string, message: Pick<PlannedMessage, "key" | "template" | "channel" | "recipient">): string {
  const recipient = createHash("sha256").update(message.recipient.trim().toLowerCase()).digest("hex").slice(0, 16)
  return `${event}:${message.key}:${message.template}:${message.channel}:${recipient}`
}

/** The store's name and locales change rarely and every message needs them: read them at most every 30 s. */
const STORE_INFO_TTL_MS = 30_000
let storeCache: { expires: number; value: Promise<StoreInfo> } | undefined

function storeInfo(query: any, url: string): Promise<StoreInfo> {
  if (storeCache && storeCache.expires > Date.now()) return storeCache.value
  const value = query
    .graph({ entity: "store", fields: ["name", "supported_locales.locale_code"] })
    .then(({ data }: { data: Record<string, any>[] }) => ({
      name: data[0]?.name ?? "Medusa Store",
      url,
      locales: (data[0]?.supported_locales ?? []).map((locale: { locale_code: string }) => locale.locale_code),
    }))
  storeCache = { expires: Date.now() + STORE_INFO_TTL_MS, value }
  value.catch(() => (storeCache = undefined))
  return value
}
