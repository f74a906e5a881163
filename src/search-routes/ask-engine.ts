import type { Logger, MedusaContainer, SearchResult } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { unreachableReason } from "../lib/search-degradation"

export type EngineFallback = "engine_unreachable" | "engine_error"

/** Whether the engine answered a drop-in listing (`engine`) or Medusa listed it itself (`fallback`). */
export const SEARCH_HEADER = "x-commerce-bridge-search"
/** Why Medusa listed it: an engine fallback, `no_index` or `unsupported:<param>`. */
export const SEARCH_REASON_HEADER = "x-commerce-bridge-search-reason"

const WARNING_INTERVAL_MS = 60_000
const warnedAt = new Map<string, number>()

// Messages may hold hosts with credentials, or the customer's query: only the error's name and code are logged.
const describe = (error: unknown) => {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown }
  return [name, code].filter((part) => typeof part === "string" || typeof part === "number").join(" ") || "unknown error"
}

function warn(req: { scope: MedusaContainer; requestId?: string }, listing: string, what: string) {
  const now = Date.now()
  const last = warnedAt.get(listing)
  if (last !== undefined && now - last < WARNING_INTERVAL_MS) return
  warnedAt.set(listing, now)
  req.scope
    .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    .warn(`CommerceBridge ${listing} listing: search ${what}; Medusa lists them instead [request_id=${req.requestId ?? "-"}]`)
}

/**
 * Runs a drop-in route's engine query. An engine that cannot be reached, fails, or answers degraded
 * becomes a fallback to Medusa's own listing, logged at most once a minute per listing, never thrown.
 */
export async function askEngine(
  req: { scope: MedusaContainer; requestId?: string },
  listing: "product" | "category",
  search: () => Promise<SearchResult>
): Promise<{ result: SearchResult } | { fallback: EngineFallback }> {
  let result: SearchResult
  try {
    result = await search()
  } catch (error) {
    const reason = unreachableReason(error)
    warn(req, listing, reason ? `cannot reach its engine (${reason})` : `failed (${describe(error)})`)
    return { fallback: reason ? "engine_unreachable" : "engine_error" }
  }
  if ((result.provider_metadata as { degraded?: unknown } | undefined)?.degraded) {
    warn(req, listing, "got a degraded result")
    return { fallback: "engine_unreachable" }
  }
  return { result }
}
