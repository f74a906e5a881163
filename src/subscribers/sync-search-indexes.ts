import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SEARCH_SYNC_EVENTS } from "../search-sync/events"
import { keptIndexes } from "../search-sync/kept-indexes"
import { queueSearchSyncWorkflow } from "../workflows/queue-search-sync"

/** Catalogue, price, stock and translation changes → the search-sync queue, when a store keeps a CommerceBridge index (of any entity). */
export default async function syncSearchIndexes({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  if (!keptIndexes().length) return
  await queueSearchSyncWorkflow(container).run({ input: { event: event.name, data: event.data } })
}

export const config: SubscriberConfig = {
  event: SEARCH_SYNC_EVENTS,
  context: { subscriberId: "commerce-bridge-sync-search-indexes" },
}
