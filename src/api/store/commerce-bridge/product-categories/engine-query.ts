import type { SearchFilters, SearchOrderBy, SearchQuery } from "@medusajs/framework/types"

/** Native filters the category index holds under a field of the same name. */
const KEYWORD_FILTERS = new Set(["id", "handle"])
const BOOLEAN_FILTERS = new Set(["is_active", "is_internal"])
const DATE_FILTERS = new Set(["created_at", "updated_at"])
const DATE_OPERATORS = new Set(["$eq", "$gt", "$gte", "$lt", "$lte"])
/** Shape the loaded categories, not which match: passed on to Medusa's listing as they are. */
export const TREE_PARAMS = ["include_ancestors_tree", "include_descendants_tree"]

/** Native `order` fields the index sorts on. */
const SORTS = new Set(["id", "name", "handle", "rank", "created_at", "updated_at"])

export type CategoryEngineQuery = { query: Omit<SearchQuery, "entity"> } | { unsupported: string }

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/**
 * The engine query answering a `GET /store/product-categories` request: the filters Medusa's validator
 * and `applyCategoryFilters` left (`is_active: true`, `is_internal: false` among them) on the index's
 * fields, the native `order` (Medusa's default `id` ascending, or relevance when `q` is given) and the
 * requested page. Names the first param the index cannot answer instead.
 */
export function buildCategoryEngineQuery(
  filterable: Record<string, unknown>,
  order: unknown,
  pagination: { skip?: number; take?: number }
): CategoryEngineQuery {
  const filters: SearchFilters = {}
  for (const [param, value] of Object.entries(filterable)) {
    if (value === undefined || TREE_PARAMS.includes(param)) continue
    if (param === "q") {
      if (typeof value !== "string") return { unsupported: param }
      if (value.trim()) filters.q = value
    } else if (KEYWORD_FILTERS.has(param)) {
      const values = asList(value)
      if (values.some((item) => typeof item !== "string")) return { unsupported: param }
      filters[param] = { $in: values as string[] }
    } else if (param === "parent_category_id") {
      const parent = parentFilter(asList(value))
      if (!parent) return { unsupported: param }
      filters.$and = [...(filters.$and ?? []), parent]
    } else if (BOOLEAN_FILTERS.has(param)) {
      if (typeof value !== "boolean") return { unsupported: param }
      filters[param] = value
    } else if (DATE_FILTERS.has(param)) {
      const range = dateFilter(value)
      if (!range) return { unsupported: param }
      filters[param] = range
    } else {
      return { unsupported: param }
    }
  }
  const sort = engineOrder(order, typeof filters.q === "string")
  if (!sort) return { unsupported: "order" }
  return {
    query: {
      fields: ["id"],
      filters,
      pagination: { skip: pagination.skip ?? 0, take: pagination.take, ...(Object.keys(sort).length ? { order: sort } : {}) },
      search_options: { count: "exact" },
    },
  }
}

/** `parent_category_id=null` (top-level categories, Medusa's validator makes "null" null) is depth 0 in the index. */
function parentFilter(values: unknown[]): SearchFilters | undefined {
  if (values.some((item) => item !== null && typeof item !== "string")) return undefined
  const ids = values.filter((item): item is string => typeof item === "string")
  const topLevel = values.includes(null)
  const byId: SearchFilters = { parent_category_id: { $in: ids } }
  if (topLevel && ids.length) return { $or: [{ depth: 0 }, byId] }
  return topLevel ? { depth: 0 } : byId
}

function dateFilter(value: unknown): SearchFilters[string] | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value) || value instanceof Date) return undefined
  const entries = Object.entries(value)
  if (!entries.length || entries.some(([operator, operand]) => !DATE_OPERATORS.has(operator) || !(typeof operand === "string" || operand instanceof Date))) {
    return undefined
  }
  const bounds = entries.map(([operator, operand]) => [operator, new Date(operand as string)] as const)
  if (bounds.some(([, date]) => Number.isNaN(date.getTime()))) return undefined
  // As dates: every provider compares them as the dates it stores (epoch milliseconds on Meilisearch).
  return Object.fromEntries(bounds)
}

/** The engine order for a native `order` (`rank`, `-name`); `{}` is relevance. Undefined when the index cannot sort so. */
function engineOrder(order: unknown, hasQuery: boolean): Record<string, SearchOrderBy> | undefined {
  if (order === undefined || order === "") return hasQuery ? {} : { id: "ASC" }
  if (typeof order !== "string") return undefined
  const name = order.replace(/^-/, "")
  if (!SORTS.has(name)) return undefined
  return { [name]: order.startsWith("-") ? "DESC" : "ASC" }
}
