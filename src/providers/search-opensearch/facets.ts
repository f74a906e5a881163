import type { SearchFacetRequest, SearchFacetResult, SearchFieldDefinition } from "@medusajs/framework/types"
import { notAllowed, resolvePath } from "./mappings"

type Aggregation = Record<string, any>
type Fields = Record<string, SearchFieldDefinition>

const DEFAULT_FACET_VALUES = 100
/** The aggregation name inside each `nested` wrapper. */
const INNER = "facet"

export const asFacet = (request: string | SearchFacetRequest): SearchFacetRequest => (typeof request === "string" ? { field: request } : request)
/** Aggregations are named by position: field paths may hold characters aggregation names may not. */
const aggregationName = (i: number) => `facet_${i}`
export const rangeKey = (range: { key?: string; from?: number | string; to?: number | string }) => range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`

/** Range bounds on a date field as epoch milliseconds, which range aggregations read. */
const bound = (value: number | string | undefined, isDate: boolean) =>
  value === undefined ? undefined : isDate && typeof value === "string" ? Date.parse(value) : value

function aggregationOf(fields: Fields, facet: SearchFacetRequest): Aggregation {
  const { path, field, exactPath, nestedPaths } = resolvePath(fields, facet.field)
  let aggregation: Aggregation
  if (facet.type === "range") {
    const isDate = field?.type === "date"
    aggregation = {
      range: { field: path, ranges: facet.ranges.map((range) => ({ key: rangeKey(range), from: bound(range.from, isDate), to: bound(range.to, isDate) })) },
    }
  } else if (facet.type === "stats") {
    aggregation = { stats: { field: path } }
  } else {
    if (facet.query) throw notAllowed(`value facets cannot be narrowed by "query" (on "${facet.field}")`)
    aggregation = {
      terms: { field: exactPath, size: facet.limit ?? DEFAULT_FACET_VALUES, ...(facet.sort === "alpha" ? { order: { _key: "asc" } } : {}) },
      // Inside nested objects, count products rather than the objects holding the value.
      ...(nestedPaths.length ? { aggs: { products: { reverse_nested: {} } } } : {}),
    }
  }
  return nestedPaths.reduceRight((inner, nestedPath) => ({ nested: { path: nestedPath }, aggs: { [INNER]: inner } }), aggregation)
}

/** One aggregation per requested facet; facets on nested fields go through `nested` aggregations. */
export function facetAggregations(fields: Fields, facets: SearchFacetRequest[]): Record<string, Aggregation> {
  return Object.fromEntries(facets.map((facet, i) => [aggregationName(i), aggregationOf(fields, facet)]))
}

/** The aggregation answers as Medusa's facets, keyed by field. */
export function facetResults(fields: Fields, facets: SearchFacetRequest[], aggregations: Record<string, Aggregation> = {}): Record<string, SearchFacetResult> {
  const results: Record<string, SearchFacetResult> = {}
  facets.forEach((facet, i) => {
    let answer = aggregations[aggregationName(i)]
    for (let depth = resolvePath(fields, facet.field).nestedPaths.length; depth > 0 && answer; depth--) answer = answer[INNER]
    if (!answer) return
    if (facet.type === "range") {
      results[facet.field] = {
        type: "range",
        ranges: facet.ranges.map((range, j) => ({
          key: rangeKey(range),
          ...(range.from !== undefined ? { from: range.from } : {}),
          ...(range.to !== undefined ? { to: range.to } : {}),
          count: answer.buckets[j]?.doc_count ?? 0,
        })),
      }
    } else if (facet.type === "stats") {
      // With nothing to aggregate OpenSearch answers null bounds; the contract wants numbers.
      results[facet.field] = { type: "stats", min: answer.min ?? 0, max: answer.max ?? 0, avg: answer.avg ?? 0, sum: answer.sum ?? 0, count: answer.count }
    } else {
      results[facet.field] = {
        type: "value",
        values: answer.buckets.map((bucket: Aggregation) => ({
          value: bucket.key_as_string ?? String(bucket.key),
          count: bucket.products?.doc_count ?? bucket.doc_count,
        })),
        other_count: answer.sum_other_doc_count ?? 0,
      }
    }
  })
  return results
}
