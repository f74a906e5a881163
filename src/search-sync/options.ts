import { assertRetrySettings } from "../lib/validation"

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
  const { attempts, concurrency, batchSize, backoffMs } = resolved
  assertRetrySettings("search", { attempts, concurrency, batchSize }, { backoffMs })
  return resolved
}

export function searchSyncRetryOptions(options: ResolvedSearchSyncOptions) {
  return { attempts: options.attempts, backoff: { type: "exponential" as const, delayMs: options.backoffMs } }
}
