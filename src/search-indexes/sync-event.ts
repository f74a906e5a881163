/**
 * The event CommerceBridge's product indexes consume. Nobody emits it on the event bus: the
 * search-sync worker hands it to the Search Module's `ingest` with the ids of the products to
 * rewrite, so every write runs on the worker queue, where a failure is retried and dead-lettered.
 */
export const PRODUCT_SYNC_EVENT = "commerce-bridge.search.products-changed"

export interface ProductSyncEventData {
  ids: string[]
}
