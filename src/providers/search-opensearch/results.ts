import type { ProviderSearchQuery, SearchResult } from "@medusajs/framework/types"
import { asFacet, facetResults } from "./facets"
import { DEFAULT_TAKE, queryText } from "./query"

/** The part of a `_search` answer (or one `_msearch` entry) the result is read from. */
export interface SearchResponse {
  took?: number
  hits: {
    total?: { value: number; relation: string } | number
    hits: { _id: string; _score?: number | null; _source?: Record<string, unknown>; highlight?: Record<string, string[]> }[]
  }
  aggregations?: Record<string, any>
}

/** OpenSearch's answer to one search as Medusa's search result. */
export function toSearchResult(input: ProviderSearchQuery, response: SearchResponse): SearchResult {
  const options = input.search_options ?? {}
  const q = queryText(input)
  const total = response.hits.total
  const count = options.count === "none" ? null : typeof total === "number" ? total : total?.value ?? response.hits.hits.length
  return {
    hits: response.hits.hits.map((hit) => ({
      id: String(hit._id),
      ...(options.include_score && typeof hit._score === "number" ? { score: hit._score } : {}),
      document: hit._source ?? {},
      ...(hit.highlight ? { highlights: hit.highlight } : {}),
    })),
    ...(options.facets?.length ? { facets: facetResults(input.index.fields, options.facets.map(asFacet), response.aggregations) } : {}),
    metadata: {
      skip: input.pagination?.skip ?? 0,
      take: input.pagination?.take ?? DEFAULT_TAKE,
      count,
      ...(q ? { query: q } : {}),
      ...(response.took !== undefined ? { processing_time_ms: response.took } : {}),
    },
  }
}
