import type { ISearchModuleService, Logger, SearchResult } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { transformAndValidateSalesChannelIds } from "@medusajs/medusa/api/utils/middlewares/products/filter-by-valid-sales-channels"
import { flattenFields } from "../../lib/search-fields"
import { unreachableReason } from "../../lib/search-degradation"
import { keptIndexes } from "../../search-sync/kept-indexes"
import { buildEngineQuery } from "./engine-query"
import type { EngineAnswer, ProductListingRequest } from "./types"

/** The index the listing searches: CommerceBridge's `product` index, or else the first other product index it keeps that is no locale's. */
export function listingIndex(): string | undefined {
  const kept = keptIndexes("product").filter((index) => !index.locale)
  return (kept.find((index) => index.name === "product") ?? kept[0])?.name
}

const WARNING_INTERVAL_MS = 60_000
let warnedAt: number | undefined

/**
 * The page of product ids the search engine answers for a `GET /store/products` request, through the
 * Search Module (`query.search`). Says why Medusa should list the products instead when the index cannot
 * answer a param, or the engine is down or fails; a failure is logged (at most once a minute), never thrown.
 */
export async function searchProductIds(req: ProductListingRequest): Promise<EngineAnswer> {
  const searchModule = req.scope.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  const index = searchModule ? listingIndex() : undefined
  if (!searchModule || !index) return { fallback: "no_index" }

  const fields = flattenFields(searchModule.getIndex(index).fields)
  const built = buildEngineQuery({
    params: req.validatedQuery,
    salesChannelIds: transformAndValidateSalesChannelIds(req),
    currencyCode: req.pricingContext?.currency_code as string | undefined,
    filterable: new Set(fields.filter(({ field }) => field.filterable).map(({ path }) => path)),
    sortable: new Set(fields.filter(({ field }) => field.sortable).map(({ path }) => path)),
  })
  if ("unsupported" in built) return { fallback: `unsupported:${built.unsupported}` }

  let result: SearchResult
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    result = (await query.search({ entity: index, ...built.query })).search_result
  } catch (error) {
    const reason = unreachableReason(error)
    warn(req, reason ? `cannot reach its engine (${reason})` : `failed (${describe(error)})`)
    return { fallback: reason ? "engine_unreachable" : "engine_error" }
  }
  if ((result.provider_metadata as { degraded?: unknown } | undefined)?.degraded) {
    warn(req, "got a degraded result")
    return { fallback: "engine_unreachable" }
  }
  const ids = result.hits.map((hit) => hit.id)
  return { ids, count: result.metadata.count ?? result.metadata.skip + ids.length }
}

// Messages may hold hosts with credentials, or the customer's query: only the error's name and code are logged.
const describe = (error: unknown) => {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown }
  return [name, code].filter((part) => typeof part === "string" || typeof part === "number").join(" ") || "unknown error"
}

function warn(req: ProductListingRequest, what: string) {
  const now = Date.now()
  if (warnedAt !== undefined && now - warnedAt < WARNING_INTERVAL_MS) return
  warnedAt = now
  req.scope
    .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    .warn(`CommerceBridge product listing: search ${what}; Medusa lists the products instead [request_id=${req.requestId ?? "-"}]`)
}
