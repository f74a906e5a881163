import type { ISearchModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { transformAndValidateSalesChannelIds } from "@medusajs/medusa/api/utils/middlewares/products/filter-by-valid-sales-channels"
import { flattenFields } from "../../lib/search-fields"
import { keptIndexes } from "../../search-sync/kept-indexes"
import { askEngine } from "../ask-engine"
import { buildEngineQuery } from "./engine-query"
import type { EngineAnswer, ProductListingRequest } from "./types"

/** The index the listing searches: CommerceBridge's `product` index, or else the first other product index it keeps that is no locale's. */
export function listingIndex(): string | undefined {
  const kept = keptIndexes("product").filter((index) => !index.locale)
  return (kept.find((index) => index.name === "product") ?? kept[0])?.name
}


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
    semanticRatio: req.semanticRatio,
    vectorField: fields.find(({ field }) => field.type === "vector")?.path,
  })
  if ("unsupported" in built) return { fallback: `unsupported:${built.unsupported}` }

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const search = async (engineQuery: typeof built.query) => (await query.search({ entity: index, ...engineQuery })).search_result
  const answer = await askEngine(req, "product", async () => {
    const [result, counted] = await Promise.all([search(built.query), built.countQuery && search(built.countQuery)])
    return counted ? { ...result, metadata: { ...result.metadata, count: counted.metadata.count } } : result
  })
  if ("fallback" in answer) return answer
  const { result } = answer
  const ids = result.hits.map((hit) => hit.id)
  const semantic = (result.provider_metadata as { semantic?: unknown } | undefined)?.semantic
  return { ids, count: result.metadata.count ?? result.metadata.skip + ids.length, ...(typeof semantic === "string" ? { semantic } : {}) }
}
