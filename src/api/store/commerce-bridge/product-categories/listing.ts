import type { MedusaResponse, MedusaStoreRequest, MiddlewareFunction } from "@medusajs/framework/http"
import type { HttpTypes, ISearchModuleService } from "@medusajs/framework/types"
import { Modules, normalizeLocale } from "@medusajs/framework/utils"
import { storeProductCategoryRoutesMiddlewares } from "@medusajs/medusa/api/store/product-categories/middlewares"
import { GET as listStoreCategories } from "@medusajs/medusa/api/store/product-categories/route"
import { askEngine } from "../../../../search-routes/ask-engine"
import { keptIndexes } from "../../../../search-sync/kept-indexes"
import { buildCategoryEngineQuery, TREE_PARAMS } from "./engine-query"

export { SEARCH_HEADER, SEARCH_REASON_HEADER } from "../../../../search-routes/ask-engine"

/** The request once Medusa's `GET /store/product-categories` middlewares have run on it. */
export type CategoryListingRequest = MedusaStoreRequest<unknown, Record<string, unknown>>
type CategoryListResponse = MedusaResponse<HttpTypes.StoreProductCategoryListResponse>

/**
 * - `engine_unreachable`: the provider answered a degraded result or failed to reach its engine
 * - `engine_error`: the Search Module or the provider failed otherwise
 * - `no_index`: no category index kept by CommerceBridge is registered
 * - `unsupported:<param>`: a query param the index cannot answer (e.g. `unsupported:name`)
 */
export type CategoryFallbackReason = "engine_unreachable" | "engine_error" | "no_index" | `unsupported:${string}`
export type CategoryEngineAnswer = { index: string; ids: string[]; count: number } | { fallback: CategoryFallbackReason }

const nativeListRoute = storeProductCategoryRoutesMiddlewares.find(
  (route) => route.matcher === "/store/product-categories" && [route.method ?? route.methods ?? []].flat().includes("GET")
)
if (!nativeListRoute?.middlewares?.length) {
  throw new Error("CommerceBridge: Medusa's GET /store/product-categories middlewares were not found; this Medusa version is not supported")
}

/** Medusa's own middlewares of `GET /store/product-categories`: its validator and query config, and its store filters. */
export const storeCategoryListMiddlewares: MiddlewareFunction[] = nativeListRoute.middlewares

/**
 * The category index a request searches: CommerceBridge's `category` index (or the first other one it
 * keeps), or its locale index for the request's locale (`?locale=` or `x-medusa-locale`) where one is kept.
 */
export function categoryListingIndex(locale: string | undefined): string | undefined {
  const kept = keptIndexes("category")
  const bases = kept.filter((index) => !index.locale)
  const base = bases.find((index) => index.name === "category") ?? bases[0]
  if (!base) return undefined
  if (!locale) return base.name
  const wanted = normalizeLocale(locale)
  const translated = kept.find((index) => index.locale && normalizeLocale(index.locale) === wanted && (!index.base || index.base === base.name))
  return translated?.name ?? base.name
}

/**
 * The page of category ids the search engine answers, through the Search Module. Says why Medusa should
 * list the categories instead when the index cannot answer a param, or the engine is down or fails; a
 * failure is logged (at most once a minute), never thrown.
 */
export async function searchCategoryIds(req: CategoryListingRequest): Promise<CategoryEngineAnswer> {
  const searchModule = req.scope.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  const index = searchModule ? categoryListingIndex(req.locale) : undefined
  if (!searchModule || !index) return { fallback: "no_index" }
  const built = buildCategoryEngineQuery(req.filterableFields, req.validatedQuery.order, req.queryConfig.pagination ?? {})
  if ("unsupported" in built) return { fallback: `unsupported:${built.unsupported}` }

  const answer = await askEngine(req, "category", () => searchModule.search({ entity: index, ...built.query }))
  if ("fallback" in answer) return answer
  const { result } = answer
  const ids = result.hits.map((hit) => hit.id)
  return { index, ids, count: result.metadata.count ?? result.metadata.skip + ids.length }
}

/** Answers the request exactly as Medusa's `GET /store/product-categories` does. */
export async function listCategoriesNatively(req: CategoryListingRequest, res: CategoryListResponse) {
  await listStoreCategories(req as any, res)
}

/**
 * Loads the categories with these ids through Medusa's own listing handler (same fields, translations,
 * trees and published products as `GET /store/product-categories`), in the order of `ids`. A category that
 * is gone, inactive or internal since the engine indexed it is left out. With a tree param, Medusa orders
 * its page by rank, and so does this.
 */
export async function loadCategoriesInOrder(req: CategoryListingRequest, ids: string[]): Promise<HttpTypes.StoreProductCategory[]> {
  if (!ids.length) return []
  const tree = Object.fromEntries(TREE_PARAMS.filter((param) => req.filterableFields[param] !== undefined).map((param) => [param, req.filterableFields[param]]))
  req.filterableFields = { id: ids, is_active: true, is_internal: false, ...tree }
  req.queryConfig = { ...req.queryConfig, pagination: { skip: 0, take: ids.length } }
  // Categories are matched back to the engine's ids. Query returns the id whatever `fields` says; asked anyway.
  if (!req.queryConfig.fields.includes("id")) req.queryConfig.fields = [...req.queryConfig.fields, "id"]

  let listed: HttpTypes.StoreProductCategory[] = []
  // The handler only calls `res.json`; its answer is kept here and reordered.
  const capture = { json: (body: HttpTypes.StoreProductCategoryListResponse) => void (listed = body.product_categories) }
  await listStoreCategories(req as any, capture as unknown as CategoryListResponse)

  const byId = new Map(listed.map((category) => [category.id, category]))
  const ordered = ids.map((id) => byId.get(id)).filter((category): category is HttpTypes.StoreProductCategory => category !== undefined)
  // Medusa's tree listing sorts its page by rank (a stable sort of its own order).
  if (Object.keys(tree).length) ordered.sort((a, b) => (a.rank as number) - (b.rank as number))
  return ordered
}

