/** Building blocks shared by the query compilers: the compiled-query shape and DSL parsing helpers. */

import { isPlainObject } from "./objects"
import { parsingException } from "./errors"
import type { DocContext } from "./values"

/** A compiled query: the document's score, or null when it does not match. */
export interface Query {
  score(ctx: DocContext): number | null
}

export const MATCH_NONE: Query = { score: () => null }

/** A query that does not score by relevance: matching documents get `boost` (filters, ranges, terms...). */
export const constantScore = (matches: (ctx: DocContext) => boolean, boost = 1): Query => ({
  score: (ctx) => (matches(ctx) ? boost : null),
})

export function boosted(query: Query, boost: unknown): Query {
  const factor = boost === undefined ? 1 : Number(boost)
  if (factor === 1) return query
  return {
    score(ctx) {
      const score = query.score(ctx)
      return score === null ? null : score * factor
    },
  }
}

export const boostOf = (params: Record<string, unknown>) => (params.boost === undefined ? 1 : Number(params.boost))

/** A query's body must be an object: `{ "bool": { ... } }`. */
export function queryObject(queryName: string, body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw parsingException(`[${queryName}] query malformed, no start_object after query name`)
  return body
}

/** Rejects parameters a query does not know, with OpenSearch's wording. */
export function checkParams(queryName: string, params: Record<string, unknown>, allowed: readonly string[]) {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw parsingException(`[${queryName}] query does not support [${key}]`)
  }
}

/**
 * Reads a single-field query such as `{ "term": { "sku": "A1" } }` or `{ "term": { "sku": { "value": "A1" } } }`;
 * the shorthand value is returned under `valueKey`.
 */
export function singleField(queryName: string, body: unknown, valueKey: string) {
  const entries = Object.entries(queryObject(queryName, body)).filter(([key]) => key !== "boost" && key !== "_name")
  if (entries.length === 0) throw parsingException(`[${queryName}] query malformed, no field specified`)
  if (entries.length > 1) {
    throw parsingException(`[${queryName}] query doesn't support multiple fields, found [${entries[0][0]}] and [${entries[1][0]}]`)
  }
  const [fieldName, value] = entries[0]
  const params = isPlainObject(value) ? value : { [valueKey]: value }
  return { fieldName, params }
}

export const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value])

/** `"title^3"` → `{ name: "title", boost: 3 }`. */
export function fieldWithBoost(spec: string): { name: string; boost: number } {
  const [name, boost] = spec.split("^")
  return { name, boost: boost === undefined ? 1 : Number(boost) }
}
