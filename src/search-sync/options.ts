import { MedusaError } from "@medusajs/framework/utils"

/** Options of CommerceBridge search (`search` in the plugin options). */
export interface SearchSyncOptions {
  /**
   * Attempts of one index write before its job is dead-lettered (replayable from the Queues page).
   * @defaultValue 8
   */
  attempts?: number
  /**
   * Wait before the first retry of a failed write; it doubles with every attempt (with jitter).
   * @defaultValue 2000
   */
  backoffMs?: number
  /**
   * Index writes run at once by each worker instance.
   * @defaultValue 4
   */
  concurrency?: number
  /**
   * Products read and written per `ingest` call.
   * @defaultValue 200
   */
  batchSize?: number
}

export type ResolvedSearchSyncOptions = Required<SearchSyncOptions>

/** One job per store event that changes products, per reindex request and per reconciliation repair. */
export const SEARCH_SYNC_QUEUE = "search-sync"

export function resolveSearchSyncOptions(options: SearchSyncOptions = {}): ResolvedSearchSyncOptions {
  const resolved = {
    attempts: options.attempts ?? 8,
    backoffMs: options.backoffMs ?? 2000,
    concurrency: options.concurrency ?? 4,
    batchSize: options.batchSize ?? 200,
  }
  for (const key of ["attempts", "concurrency", "batchSize"] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `CommerceBridge option search.${key} must be a positive integer`)
    }
  }
  if (!(resolved.backoffMs >= 0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "CommerceBridge option search.backoffMs must not be negative")
  }
  return resolved
}

export function searchSyncRetryOptions(options: ResolvedSearchSyncOptions) {
  return { attempts: options.attempts, backoff: { type: "exponential" as const, delayMs: options.backoffMs } }
}
