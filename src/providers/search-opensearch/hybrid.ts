import type { ProviderSearchQuery } from "@medusajs/framework/types"
import type { QueryVector } from "../../search-embeddings/provider-vectors"
import { compileOpenSearchFilter } from "./filters"
import { DEFAULT_TAKE, queryText, searchBody } from "./query"
import type { SearchResponse } from "./results"

type Body = Record<string, unknown>

/**
 * A hybrid search as two `_msearch` entries, a keyword `match` and a `knn` query (with the filters as the
 * k-NN plugin's efficient filter), each over the first `skip + take` hits; `combineHybrid` then does what
 * OpenSearch's `normalization-processor` does in a search pipeline (`min_max` normalisation, weighted
 * `arithmetic_mean` with weights `[1 - semantic_ratio, semantic_ratio]`), so no pipeline has to be installed.
 * Without a text query, or at ratio 1, only the k-NN half runs.
 */
export function hybridBodies(input: ProviderSearchQuery, semantic: QueryVector): Body[] {
  const pagination = input.pagination ?? {}
  const window = (pagination.skip ?? 0) + (pagination.take ?? DEFAULT_TAKE)
  const keywordInput = { ...input, search_options: { ...input.search_options, vector: undefined }, pagination: { ...pagination, skip: 0, take: window } }
  const keyword = searchBody(keywordInput)
  const filter = compileOpenSearchFilter(input.filters, input.index.fields)
  const knn = { knn: { [semantic.field.path]: { vector: semantic.vector, k: window, ...(filter ? { filter } : {}) } } }
  const { query: _query, sort: _sort, highlight: _highlight, min_score: _min, ...rest } = keyword
  const withKeyword = Boolean(queryText(input)) && semantic.semanticRatio < 1
  return withKeyword ? [keyword, { ...rest, aggs: undefined, query: knn }] : [{ ...rest, query: knn }]
}

type Hit = SearchResponse["hits"]["hits"][number]

function normalised(hits: Hit[]): Map<string, { hit: Hit; score: number }> {
  const scores = hits.map((hit) => hit._score ?? 0)
  const min = Math.min(...scores)
  const max = Math.max(...scores)
  return new Map(hits.map((hit, i) => [hit._id, { hit, score: max === min ? 1 : (scores[i] - min) / (max - min) }]))
}

/** The combined answer, shaped as one `_search` response; facets come from the keyword half when it ran. */
export function combineHybrid(input: ProviderSearchQuery, semantic: QueryVector, responses: SearchResponse[]): SearchResponse {
  const [keyword, vector] = responses.length === 2 ? responses : [undefined, responses[0]]
  const ratio = keyword ? semantic.semanticRatio : 1
  const fromKeyword = normalised(keyword?.hits.hits ?? [])
  const fromVector = normalised(vector.hits.hits)
  const ids = [...new Set([...fromKeyword.keys(), ...fromVector.keys()])]
  const combined = ids
    .map((id) => {
      const hit = (fromKeyword.get(id) ?? fromVector.get(id))!.hit
      const score = (1 - ratio) * (fromKeyword.get(id)?.score ?? 0) + ratio * (fromVector.get(id)?.score ?? 0)
      return { ...hit, _score: score }
    })
    .sort((a, b) => b._score - a._score)
  const skip = input.pagination?.skip ?? 0
  const take = input.pagination?.take ?? DEFAULT_TAKE
  return {
    took: Math.max(keyword?.took ?? 0, vector.took ?? 0),
    hits: { total: { value: combined.length, relation: "eq" }, hits: combined.slice(skip, skip + take) },
    aggregations: (keyword ?? vector).aggregations,
  }
}
