import type { SearchFilters, SearchOrderBy, SearchQuery } from "@medusajs/framework/types"
import { isPresent, ProductStatus } from "@medusajs/framework/utils"

/** Params that shape the context or the page rather than which products match. */
const CONTEXT_PARAMS = new Set(["region_id", "country_code", "province", "cart_id", "sales_channel_id", "fields", "limit", "offset", "order"])

/** Native filter params held by the index under a field of their own: scalar fields match any value, array fields overlap. */
const SCALAR_FILTERS: Record<string, string> = { id: "id", handle: "handle", collection_id: "collection_id", type_id: "type_id" }
// Medusa's validator turns `category_id` and `tag_id` into `categories: { id }` and `tags: { id }`.
const RELATION_FILTERS: Record<string, string> = { categories: "category_ids", tags: "tag_ids" }

/** Native `order` fields the index sorts on itself; `variants.calculated_price` sorts on the price range of the pricing currency. */
const SORTS: Record<string, string> = { title: "title", created_at: "created_at", updated_at: "updated_at" }
export const PRICE_ORDER = "variants.calculated_price"

/** Whether `order` sorts by price (`variants.calculated_price`, `-variants.calculated_price`). */
export const isPriceOrder = (order: unknown) => typeof order === "string" && order.replace(/^-/, "") === PRICE_ORDER

export interface ListingInput {
  /** `req.validatedQuery`, as Medusa's validator for `GET /store/products` left it. */
  params: Record<string, unknown>
  /** The publishable key's sales channels, or the requested subset of them. */
  salesChannelIds: string[]
  /** The pricing context's currency, when prices are calculated. */
  currencyCode?: string
  /** Paths of the index's filterable and sortable fields. */
  filterable: Set<string>
  sortable: Set<string>
  /** `semantic_ratio`: hybrid search on the index's vector field. */
  semanticRatio?: number
  /** The index's vector field, where it holds embeddings. */
  vectorField?: string
}

/**
 * The engine query, and with `semantic_ratio` a second one that counts the listing: every product within the
 * filters is ranked by meaning, and engines count a hybrid result each their own way (the keyword matches, the
 * fused window), so the count is taken without the text.
 */
export type EngineQuery = { query: Omit<SearchQuery, "entity">; countQuery?: Omit<SearchQuery, "entity"> } | { unsupported: string }

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/**
 * The engine query answering a `GET /store/products` request: the same filters on the index's fields, the
 * published products of the key's sales channels, the native `order` (relevance when there is none and
 * `q` is given) and the requested page. With `semantic_ratio`, `q` is also searched by meaning. Names the
 * first param the index cannot answer instead.
 */
export function buildEngineQuery({ params, salesChannelIds, currencyCode, filterable, sortable, semanticRatio, vectorField }: ListingInput): EngineQuery {
  const filters: SearchFilters = { status: ProductStatus.PUBLISHED, sales_channel_ids: { $overlaps: salesChannelIds } }
  for (const [param, value] of Object.entries(params)) {
    if (CONTEXT_PARAMS.has(param) || value === undefined) continue
    if (param === "q") {
      if (typeof value !== "string") return { unsupported: param }
      if (value.trim()) filters.q = value
      continue
    }
    const field = SCALAR_FILTERS[param] ?? relationField(param, value)
    if (!field || !filterable.has(field)) return { unsupported: param }
    filters[field] = SCALAR_FILTERS[param] ? { $in: asList(value) as string[] } : { $overlaps: asList((value as { id: unknown }).id) as string[] }
  }
  const order = engineOrder(params.order, currencyCode, sortable)
  if (order === undefined) return { unsupported: "order" }
  // Results ranked by meaning have no other order; meaning needs a text and an index with embeddings.
  const semantic = semanticRatio !== undefined
  if (semantic && (!vectorField || !filters.q || isPresent(order))) return { unsupported: "semantic_ratio" }
  const page = { skip: Number(params.offset ?? 0), take: Number(params.limit), ...(isPresent(order) ? { order } : {}) }
  if (!semantic) return { query: { fields: ["id"], filters, pagination: page, search_options: { count: "exact" } } }
  const { q, ...withinFilters } = filters
  return {
    query: { fields: ["id"], filters, pagination: page, search_options: { count: "none", vector: { field: vectorField, query: q as string, semantic_ratio: semanticRatio } } },
    countQuery: { fields: ["id"], filters: withinFilters, pagination: { take: 0 }, search_options: { count: "exact" } },
  }
}

/** `categories: { id }` → `category_ids`; any other shape of a relation filter is not the index's to answer. */
function relationField(param: string, value: unknown): string | undefined {
  const field = RELATION_FILTERS[param]
  if (!field || !value || typeof value !== "object" || Array.isArray(value)) return undefined
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === "id" ? field : undefined
}

/** The engine order for a native `order` (`title`, `-created_at`), `{}` for none, undefined when the index cannot sort so. */
function engineOrder(order: unknown, currencyCode: string | undefined, sortable: Set<string>): Record<string, SearchOrderBy> | undefined {
  if (order === undefined || order === "") return {}
  if (typeof order !== "string") return undefined
  const direction: SearchOrderBy = order.startsWith("-") ? "DESC" : "ASC"
  const name = order.replace(/^-/, "")
  const field = name === PRICE_ORDER ? currencyCode && `prices.${currencyCode.toLowerCase()}.min` : SORTS[name]
  return field && sortable.has(field) ? { [field]: direction } : undefined
}
