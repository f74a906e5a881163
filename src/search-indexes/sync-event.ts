/**
 * The events CommerceBridge's indexes consume, one per entity. Nobody emits them on the event bus: the
 * search-sync worker hands them to the Search Module's `ingest` with the ids of the rows to rewrite, so
 * every write runs on the worker queue, where a failure is retried and dead-lettered.
 */
export const PRODUCT_SYNC_EVENT = "commerce-bridge.search.products-changed"
export const CATEGORY_SYNC_EVENT = "commerce-bridge.search.categories-changed"
export const COLLECTION_SYNC_EVENT = "commerce-bridge.search.collections-changed"

export interface ProductSyncEventData {
  ids: string[]
}

/** The catalogue entities CommerceBridge's index factories build documents of. */
export const KEPT_ENTITIES = ["product", "category", "collection"] as const
export type KeptEntity = (typeof KEPT_ENTITIES)[number]

export const SYNC_EVENTS: Record<KeptEntity, string> = {
  product: PRODUCT_SYNC_EVENT,
  category: CATEGORY_SYNC_EVENT,
  collection: COLLECTION_SYNC_EVENT,
}

/**
 * What a definition built by a CommerceBridge factory says about itself, under `commerce_bridge`
 * (the Search Module ignores the key: it hashes only fields, settings and names).
 */
export interface KeptIndexMark {
  entity: KeptEntity
  /** Set on a locale index: the locale whose text its fields hold. */
  locale?: string
  /** Set on a locale index: the name of the index it is the translation of, when built by the plural factory. */
  base?: string
}
