import { MedusaError } from "@medusajs/framework/utils"
import { assertRetrySettings } from "../lib/validation"

/** Options of the Strapi sync (`strapi` in the plugin options); the URL, token and secret come from the integration. */
export interface StrapiSyncOptions {
  /**
   * Attempts of one push to Strapi before its job is dead-lettered (replayable from the Queues page).
   * @defaultValue 8
   */
  attempts?: number
  /**
   * Wait before the first retry of a failed push; it doubles with every attempt (with jitter, never
   * shorter than Strapi's Retry-After).
   * @defaultValue 2000
   */
  backoffMs?: number
  /**
   * Push jobs run at once by each worker instance.
   * @defaultValue 2
   */
  concurrency?: number
  /**
   * Documents per `PUT /api/commerce-bridge/catalogue/:entity` request; the contract allows at most 100.
   * @defaultValue 100
   */
  batchSize?: number
  /**
   * Catalogue entries read per job of a full sync; each page records the run's cursor and queues the next.
   * @defaultValue 200
   */
  pageSize?: number
  /**
   * How long one request to Strapi may take before it counts as failed.
   * @defaultValue 15000
   */
  requestTimeoutMs?: number
}

export type ResolvedStrapiSyncOptions = Required<StrapiSyncOptions>

/** Pushes of catalogue changes (`upsert`/`delete` jobs) and the pages of full syncs. */
export const STRAPI_SYNC_QUEUE = "strapi-sync"

/** The most documents the contract lets one catalogue request carry. */
export const MAX_BATCH_SIZE = 100

export function resolveStrapiSyncOptions(options: StrapiSyncOptions = {}): ResolvedStrapiSyncOptions {
  const resolved = {
    attempts: options.attempts ?? 8,
    backoffMs: options.backoffMs ?? 2000,
    concurrency: options.concurrency ?? 2,
    batchSize: options.batchSize ?? MAX_BATCH_SIZE,
    pageSize: options.pageSize ?? 200,
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
  }
  const { attempts, concurrency, batchSize, pageSize, requestTimeoutMs, backoffMs } = resolved
  assertRetrySettings("strapi", { attempts, concurrency, batchSize, pageSize, requestTimeoutMs }, { backoffMs })
  if (batchSize > MAX_BATCH_SIZE) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `CommerceBridge option strapi.batchSize must be at most ${MAX_BATCH_SIZE}`)
  }
  return resolved
}

export function strapiSyncRetryOptions(options: ResolvedStrapiSyncOptions) {
  return { attempts: options.attempts, backoff: { type: "exponential" as const, delayMs: options.backoffMs } }
}
