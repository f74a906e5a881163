/** Aggregations: bucket aggregations (terms, range, histogram, filter(s), nested, reverse_nested, global) here, metrics beside. */

import { isPlainObject } from "./objects"
import { parsingException, shardLevel, unsupported } from "./errors"
import { AggregationScope, fieldReader, isDateField, isMetric, metricAggregation } from "./metric-aggregations"
import { asArray } from "./query-dsl"
import { DocContext, DocValue, nestedContexts } from "./values"

export type { AggregationScope } from "./metric-aggregations"

const NOT_IMPLEMENTED = new Set([
  "date_histogram", "auto_date_histogram", "date_range", "composite", "top_hits", "percentiles", "percentile_ranks",
  "significant_terms", "significant_text", "rare_terms", "multi_terms", "extended_stats", "weighted_avg", "missing",
  "adjacency_matrix", "sampler", "diversified_sampler", "scripted_metric", "geo_bounds", "geo_centroid", "geohash_grid",
  "geotile_grid", "geo_distance", "ip_range", "median_absolute_deviation", "top_metrics", "variable_width_histogram",
  "bucket_sort", "bucket_selector", "bucket_script", "avg_bucket", "max_bucket", "min_bucket", "sum_bucket",
  "stats_bucket", "cumulative_sum", "derivative", "moving_avg", "serial_diff",
])
const BUCKET_TYPES = ["terms", "range", "histogram", "filter", "filters", "nested", "reverse_nested", "global"]

interface AggregationRequest {
  type: string
  params: unknown
  subAggregations: Record<string, AggregationRequest>
  meta?: unknown
}

/** Validates an `aggs` object up front, so malformed requests fail even when nothing matches. */
export function parseAggregations(specs: unknown): Record<string, AggregationRequest> {
  if (specs === undefined) return {}
  if (!isPlainObject(specs)) throw parsingException("Unexpected token in [aggs], expected START_OBJECT")
  const parsed: Record<string, AggregationRequest> = {}
  for (const [name, definition] of Object.entries(specs)) {
    if (!isPlainObject(definition)) throw parsingException(`Expected [START_OBJECT] under [${name}], but got a [VALUE] in [${name}]`)
    const { aggs, aggregations, meta, ...typed } = definition
    const types = Object.keys(typed)
    if (types.length > 1) throw parsingException(`Found two aggregation type definitions in [${name}]: [${types[0]}] and [${types[1]}]`)
    if (types.length === 0) throw parsingException(`Missing definition for aggregation [${name}]`)
    const type = types[0]
    if (NOT_IMPLEMENTED.has(type)) throw unsupported(`the [${type}] aggregation`)
    if (!BUCKET_TYPES.includes(type) && !isMetric(type)) {
      throw parsingException(`Unknown aggregation type [${type}]`, { caused_by: { type: "named_object_not_found_exception", reason: `unknown field [${type}]` } })
    }
    const subAggregations = parseAggregations(aggs ?? aggregations)
    if (isMetric(type) && Object.keys(subAggregations).length) {
      throw parsingException(`Aggregator [${name}] of type [${type}] cannot accept sub-aggregations`)
    }
    parsed[name] = { type, params: typed[type], subAggregations, meta }
  }
  return parsed
}

export function runAggregations(requests: Record<string, AggregationRequest>, scope: AggregationScope): Record<string, unknown> {
  const results: Record<string, unknown> = {}
  for (const [name, request] of Object.entries(requests)) {
    const params = (isPlainObject(request.params) ? request.params : {}) as Record<string, any>
    const result = isMetric(request.type)
      ? metricAggregation(request.type, params, scope)
      : bucketAggregation(request, params, scope)
    results[name] = request.meta === undefined ? result : { meta: request.meta, ...result }
  }
  return results
}

function bucketAggregation(request: AggregationRequest, params: Record<string, any>, scope: AggregationScope) {
  const subs = (contexts: DocContext[]) => runAggregations(request.subAggregations, { ...scope, contexts })
  const single = (contexts: DocContext[]) => ({ doc_count: contexts.length, ...subs(contexts) })
  switch (request.type) {
    case "terms":
      return termsAggregation(params, scope, subs)
    case "range":
      return rangeAggregation(params, scope, subs)
    case "histogram":
      return histogramAggregation(params, scope, subs)
    case "filter":
      return single(scope.contexts.filter((ctx) => ctx.shard.compile(request.params).score(ctx) !== null))
    case "filters":
      return filtersAggregation(params, scope, single)
    case "nested":
      return single(nestedScope(scope, String(params.path)))
    case "reverse_nested":
      return single(reverseNested(scope.contexts))
    default: // global: every document of the searched indices, whatever the query
      return single(scope.shards.flatMap((shard) => shard.documents()))
  }
}

type SubAggregations = (contexts: DocContext[]) => Record<string, unknown>

function termsAggregation(params: Record<string, any>, scope: AggregationScope, subs: SubAggregations) {
  const read = fieldReader(scope, String(params.field), "terms", false)
  const groups = new Map<DocValue, DocContext[]>()
  for (const ctx of scope.contexts) {
    const values = read(ctx)
    const keys = new Set(values.length || params.missing === undefined ? values : [params.missing])
    for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), ctx])
  }
  const include = params.include === undefined ? undefined : new Set(asArray(params.include))
  const exclude = new Set(asArray(params.exclude))
  const minDocCount = Number(params.min_doc_count ?? 1)
  const entries = [...groups].filter(
    ([key, contexts]) => contexts.length >= minDocCount && (!include || include.has(key)) && !exclude.has(key)
  )
  entries.sort(bucketOrder(params.order))
  const size = Number(params.size ?? 10)
  const asDate = isDateField(scope, String(params.field))
  const buckets = entries.slice(0, size).map(([key, contexts]) => ({ ...termKey(key, asDate), doc_count: contexts.length, ...subs(contexts) }))
  const other = entries.slice(size).reduce((total, [, contexts]) => total + contexts.length, 0)
  return { doc_count_error_upper_bound: 0, sum_other_doc_count: other, buckets }
}

/** Booleans bucket as 1/0 with "true"/"false" strings; dates as epoch millis with an ISO string. */
function termKey(key: DocValue, asDate: boolean) {
  if (typeof key === "boolean") return { key: key ? 1 : 0, key_as_string: String(key) }
  if (asDate && typeof key === "number") return { key, key_as_string: new Date(key).toISOString() }
  return { key }
}

/** Default order: doc_count descending, then key ascending; `{ _count | _key: "asc" | "desc" }` or a list of them. */
function bucketOrder(order: unknown) {
  const criteria = asArray(order as object).flatMap((spec) => Object.entries(spec as Record<string, string>))
  if (!criteria.length) criteria.push(["_count", "desc"])
  if (!criteria.some(([by]) => by === "_key")) criteria.push(["_key", "asc"])
  return ([keyA, a]: [DocValue, DocContext[]], [keyB, b]: [DocValue, DocContext[]]) => {
    for (const [by, direction] of criteria) {
      if (by !== "_count" && by !== "_key") throw unsupported(`terms order by [${by}]`)
      const sign = direction === "asc" ? 1 : -1
      const diff = by === "_count" ? a.length - b.length : keyA < keyB ? -1 : keyA > keyB ? 1 : 0
      if (diff) return sign * diff
    }
    return 0
  }
}

/** OpenSearch prints range bounds as Java doubles: 100 → "100.0". */
const javaDouble = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n))

function rangeAggregation(params: Record<string, any>, scope: AggregationScope, subs: SubAggregations) {
  const read = fieldReader(scope, String(params.field), "range", true)
  const buckets = asArray(params.ranges as Array<Record<string, unknown>>).map((range) => {
    const from = range.from === undefined || range.from === null ? undefined : Number(range.from)
    const to = range.to === undefined || range.to === null ? undefined : Number(range.to)
    const contexts = scope.contexts.filter((ctx) =>
      read(ctx).some((value) => (from === undefined || Number(value) >= from) && (to === undefined || Number(value) < to))
    )
    const key = (range.key as string | undefined) ?? `${from === undefined ? "*" : javaDouble(from)}-${to === undefined ? "*" : javaDouble(to)}`
    return { key, ...(from !== undefined && { from }), ...(to !== undefined && { to }), doc_count: contexts.length, ...subs(contexts) }
  })
  return { buckets: params.keyed ? Object.fromEntries(buckets.map(({ key, ...bucket }) => [key, bucket])) : buckets }
}

function histogramAggregation(params: Record<string, any>, scope: AggregationScope, subs: SubAggregations) {
  const interval = Number(params.interval)
  if (!(interval > 0)) throw parsingException("[interval] must be >0 for histogram aggregation [histogram]")
  const read = fieldReader(scope, String(params.field), "histogram", true)
  const offset = Number(params.offset ?? 0)
  // Buckets are numbered so that float keys never drift: bucket n covers [n * interval + offset, (n + 1) * interval + offset).
  const bucketOf = (value: number) => Math.floor((value - offset) / interval)
  const groups = new Map<number, DocContext[]>()
  for (const ctx of scope.contexts) {
    for (const n of new Set(read(ctx).map((value) => bucketOf(Number(value))))) groups.set(n, [...(groups.get(n) ?? []), ctx])
  }
  const bounds = params.extended_bounds ? [params.extended_bounds.min, params.extended_bounds.max] : []
  const numbers = [...groups.keys(), ...bounds.filter((bound) => bound !== undefined && bound !== null).map((bound) => bucketOf(Number(bound)))]
  const minDocCount = Number(params.min_doc_count ?? 0)
  const buckets = []
  if (numbers.length) {
    for (let n = Math.min(...numbers); n <= Math.max(...numbers); n++) {
      const contexts = groups.get(n) ?? []
      if (contexts.length >= minDocCount) buckets.push({ key: n * interval + offset, doc_count: contexts.length, ...subs(contexts) })
    }
  }
  return { buckets: params.keyed ? Object.fromEntries(buckets.map(({ key, ...bucket }) => [javaDouble(key), bucket])) : buckets }
}

function filtersAggregation(params: Record<string, any>, scope: AggregationScope, single: (contexts: DocContext[]) => object) {
  const matching = (query: unknown) => scope.contexts.filter((ctx) => ctx.shard.compile(query).score(ctx) !== null)
  const otherBucket = (queries: unknown[]) =>
    scope.contexts.filter((ctx) => queries.every((query) => ctx.shard.compile(query).score(ctx) === null))
  if (Array.isArray(params.filters)) {
    const buckets = params.filters.map((query: unknown) => single(matching(query)))
    if (params.other_bucket) buckets.push(single(otherBucket(params.filters)))
    return { buckets }
  }
  const named = Object.entries((params.filters ?? {}) as Record<string, unknown>)
  const buckets = Object.fromEntries(named.map(([key, query]) => [key, single(matching(query))]))
  if (params.other_bucket || params.other_bucket_key) {
    buckets[params.other_bucket_key ?? "_other_"] = single(otherBucket(named.map(([, query]) => query)))
  }
  return { buckets }
}

function nestedScope(scope: AggregationScope, path: string): DocContext[] {
  for (const shard of scope.shards) {
    const field = shard.field(path)
    if (field && field.type !== "nested") {
      throw shardLevel(500, { type: "aggregation_execution_exception", reason: `[nested] nested path [${path}] is not nested` }, shard.name)
    }
  }
  return scope.contexts.flatMap((ctx) => {
    const field = ctx.shard.field(path)
    return field && field.nestedPath === ctx.nestedPath ? nestedContexts(ctx, path) : []
  })
}

/** Back from nested objects to their (distinct) top-level documents. */
function reverseNested(contexts: DocContext[]): DocContext[] {
  const documents = new Map<object, DocContext>()
  for (const ctx of contexts) {
    if (!documents.has(ctx.doc)) documents.set(ctx.doc, { shard: ctx.shard, doc: ctx.doc, source: ctx.doc.source, nestedPath: null })
  }
  return [...documents.values()]
}
