import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { idsOf } from "../search-sync/affected-products"
import { isSyncActive, readStrapiIntegration } from "../strapi-sync/connection"
import { STRAPI_SYNC_EVENTS } from "../strapi-sync/entities"
import { queueStrapiSyncWorkflow } from "../workflows/queue-strapi-sync"

/** Products, categories and collections created, updated or deleted → the strapi-sync queue, while the integration is on. */
export default async function syncStrapiCatalogue({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const change = STRAPI_SYNC_EVENTS[event.name]
  const ids = idsOf(event.data ?? {})
  if (!change || !ids.length) return
  if (!isSyncActive(await readStrapiIntegration(container))) return
  await queueStrapiSyncWorkflow(container).run({ input: { ...change, ids } })
}

export const config: SubscriberConfig = {
  event: Object.keys(STRAPI_SYNC_EVENTS),
  context: { subscriberId: "commerce-bridge-sync-strapi-catalogue" },
}
