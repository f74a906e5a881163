import type { MedusaStoreRequest } from "@medusajs/framework/http"

/** The request of the drop-in listing once Medusa's `GET /store/products` middlewares have run on it. */
export type ProductListingRequest = MedusaStoreRequest<unknown, Record<string, unknown>> & {
  taxContext?: unknown
  /** `semantic_ratio`, taken off the query by `takeSemanticRatio`. */
  semanticRatio?: number
}

/**
 * Which page of product ids the engine answered, in its order (with what its semantic half did, when the
 * listing asked for one: `hybrid`, or `unavailable` when the query text could not be embedded), or why
 * Medusa lists the products instead.
 */
export type EngineAnswer = { ids: string[]; count: number; semantic?: string } | { fallback: FallbackReason }

/**
 * - `engine_unreachable`: the provider answered a degraded result or failed to reach its engine
 * - `engine_error`: the Search Module or the provider failed otherwise
 * - `no_index`: no product index kept by CommerceBridge is registered
 * - `unsupported:<param>`: a query param the index cannot answer (e.g. `unsupported:title`)
 */
export type FallbackReason = "engine_unreachable" | "engine_error" | "no_index" | `unsupported:${string}`
