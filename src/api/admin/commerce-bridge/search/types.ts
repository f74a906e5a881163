import type { SearchIndexStatus } from "@medusajs/framework/types"
import type { SearchEngine } from "../../../../search-sync/module-config"

/** The shapes of /admin/commerce-bridge/search, shared with the admin (dates as ISO strings). */

export interface SearchProviderHealth {
  status: "unknown" | "up" | "down"
  /** Whether the integration is switched on in the registry. */
  enabled: boolean
  checked_at: string | null
  latency_ms: number | null
  /** The last check's error, masked by the registry (no secrets, no credentials in URLs). */
  error: string | null
}

export interface SearchProviderView {
  /** The Search Module provider serving the product indexes, e.g. `search-postgres`. */
  id: string | null
  /** CommerceBridge's name for that provider; null for a provider of the store's own. */
  engine: SearchEngine | null
  /** The registry's last health check, for engines CommerceBridge checks (Meilisearch, OpenSearch). */
  health?: SearchProviderHealth
}

export type SearchSyncStatus = "pending" | "processing" | "done" | "failed" | "canceled"

/** The latest seed or reindex run of an index, from the Search Module's sync history. */
export interface SearchLastSync {
  status: SearchSyncStatus
  documents_synced: number
  started_at: string | null
  completed_at: string | null
  error: string | null
}

export interface SearchIndexView {
  name: string
  entity: string
  provider: string
  status: SearchIndexStatus
  /** Documents in the index; null when the engine could not be asked. */
  documents: number | null
  /** Rows of the indexed entity; null for indexes of entities other than products. */
  products: number | null
  /** `products - documents`; null when either is unknown. */
  drift: number | null
  /** True when the engine is unreachable and answered with an empty, flagged result. */
  degraded: boolean
  /** Why `documents` is null: the engine's degraded message or the error, never a host or key. */
  message: string | null
  /** The latest `indexed_at` in the index (indexes built with CommerceBridge's factory). */
  last_write_at: string | null
  last_sync: SearchLastSync | null
}

export interface SearchQueueCounts {
  waiting: number
  delayed: number
  failed: number
  dead: number
}

export interface SearchStatusResponse {
  provider: SearchProviderView
  indexes: SearchIndexView[]
  /** The search-sync queue; null when the worker queue module is not registered. */
  queue: SearchQueueCounts | null
}

/** Where one product stands in one kept index. */
export interface ProductIndexState {
  name: string
  indexed: boolean
  indexed_at: string | null
  /** The document's `updated_at` equals the product's. */
  up_to_date: boolean
  /** The engine could not answer (unreachable, or the index is not built), so `indexed` is unknown. */
  degraded: boolean
  /** Why it could not answer; never a host or key. */
  message: string | null
}

export interface ProductSearchStatusResponse {
  product: { id: string; updated_at: string }
  indexes: ProductIndexState[]
}

export interface ReindexProductResponse {
  job_id: string
}
