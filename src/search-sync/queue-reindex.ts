import type { MedusaContainer } from "@medusajs/framework/types"
import { SEARCH_SYNC_MODULE } from "../modules/search-sync"
import type SearchSyncModuleService from "../modules/search-sync/service"
import type { KeptEntity } from "../search-indexes/sync-event"
import { REINDEX_CATEGORIES, REINDEX_COLLECTIONS, REINDEX_PRODUCTS } from "./events"

const REINDEX_EVENTS: Record<KeptEntity, string> = {
  product: REINDEX_PRODUCTS,
  category: REINDEX_CATEGORIES,
  collection: REINDEX_COLLECTIONS,
}

/**
 * Queues the rewrite of these products, categories or collections in every kept index of their entity,
 * e.g. after their Strapi content changed (no store event says so). Returns the queued job's id.
 */
export function queueCatalogueReindex(container: MedusaContainer, entity: KeptEntity, ids: string[]): Promise<string> {
  return container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE).queueEvent(REINDEX_EVENTS[entity], { ids })
}
