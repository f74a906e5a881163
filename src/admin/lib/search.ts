/** The shapes of /admin/commerce-bridge/search, and how the admin reads them. */
import type { SearchIndexView, SearchLastSync, SearchProviderView, SearchSyncStatus } from "../../api/admin/commerce-bridge/search/types"

export type {
  ProductIndexState,
  ProductSearchStatusResponse,
  ReindexProductResponse,
  SearchIndexView,
  SearchLastSync,
  SearchProviderView,
  SearchStatusResponse,
} from "../../api/admin/commerce-bridge/search/types"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey"

export const ENGINE_LABELS: Record<NonNullable<SearchProviderView["engine"]>, string> = {
  postgres: "PostgreSQL",
  meilisearch: "Meilisearch",
  opensearch: "OpenSearch",
}

export const INDEX_STATUS_LOOK: Record<SearchIndexView["status"], { label: string; color: BadgeColor }> = {
  ready: { label: "Ready", color: "green" },
  building: { label: "Building", color: "blue" },
  pending: { label: "Not built", color: "grey" },
  error: { label: "Error", color: "red" },
}

export const SYNC_STATUS_LOOK: Record<SearchSyncStatus, { label: string; color: BadgeColor }> = {
  pending: { label: "Starting", color: "blue" },
  processing: { label: "Running", color: "blue" },
  done: { label: "Done", color: "green" },
  failed: { label: "Failed", color: "red" },
  canceled: { label: "Canceled", color: "grey" },
}

export const isSyncRunning = (sync: SearchLastSync | null) => sync?.status === "pending" || sync?.status === "processing"

/** How far a run is: documents it wrote against what the index should hold. */
export function syncProgress(index: SearchIndexView): { synced: number; total: number | null; percent: number | null } {
  const synced = index.last_sync?.documents_synced ?? 0
  const total = index.products ?? index.documents
  if (!total) return { synced, total, percent: index.last_sync?.status === "done" ? 100 : null }
  return { synced, total, percent: Math.min(100, Math.round((synced / total) * 100)) }
}

/** A reindex asked for from this page, until the run it started is over. */
export interface RequestedReindex {
  /** `started_at` of the index's latest run when the reindex was asked for: a different one is the new run. */
  previousStart: string | null
  requestedAt: number
}

export type ReindexPhase = "idle" | "starting" | "running" | "finished" | "not-started"

/** Medusa starts the reindex in the background: a run that has not shown up by then is reported. */
export const REINDEX_START_TIMEOUT_MS = 60_000

export function reindexPhase(index: SearchIndexView, requested: RequestedReindex | undefined, now = Date.now()): ReindexPhase {
  const sync = index.last_sync
  const started = requested && sync && sync.started_at !== requested.previousStart
  if (requested && !started) return now - requested.requestedAt > REINDEX_START_TIMEOUT_MS ? "not-started" : "starting"
  if (isSyncRunning(sync)) return "running"
  return requested ? "finished" : "idle"
}

/** `3 missing` / `2 extra`: what the index lacks, or holds beyond the catalogue. */
export function driftText(drift: number): string {
  if (drift > 0) return `${drift} missing`
  if (drift < 0) return `${-drift} extra`
  return "None"
}

export { formatDate } from "./deliveries"
