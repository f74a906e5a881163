/** The search request: _search, _count, and the matching half of _delete_by_query. */

import { parseAggregations, runAggregations } from "./aggregations"
import { Cluster } from "./cluster"
import { isPlainObject } from "./objects"
import { illegalArgument, OpenSearchError, parsingException, searchPhaseFailure, shardLevel, unsupported } from "./errors"
import { Shard } from "./shard"
import { checkSortable, compareSortValues, parseSort, SortValue, sortValue } from "./sort"
import { sourceFilter } from "./source-filter"
import { StoredIndex } from "./store"
import { DocContext } from "./values"

const BODY_KEYS = new Set([
  "query", "from", "size", "sort", "_source", "track_total_hits", "aggs", "aggregations", "post_filter", "min_score",
  "track_scores", "timeout", "search_after", "version", "seq_no_primary_term",
])
const NOT_IMPLEMENTED_KEYS = new Set([
  "highlight", "suggest", "collapse", "rescore", "stored_fields", "docvalue_fields", "fields", "script_fields",
  "indices_boost", "pit", "profile", "ext", "stats", "terminate_after", "explain", "slice", "knn",
])
const MAX_RESULT_WINDOW = 10000
const DEFAULT_TRACK_TOTAL_HITS = 10000

interface Match {
  ctx: DocContext
  score: number
}

const tokenName = (value: unknown) =>
  isPlainObject(value) ? "START_OBJECT" : Array.isArray(value) ? "START_ARRAY" : value === null ? "VALUE_NULL"
    : typeof value === "string" ? "VALUE_STRING" : typeof value === "number" ? "VALUE_NUMBER" : "VALUE_BOOLEAN"

function checkBodyKeys(body: Record<string, unknown>) {
  for (const [key, value] of Object.entries(body)) {
    if (NOT_IMPLEMENTED_KEYS.has(key)) throw unsupported(`[${key}] in search requests`)
    if (!BODY_KEYS.has(key)) throw parsingException(`Unknown key for a ${tokenName(value)} in [${key}].`)
  }
}

/** Opens each target index as a shard. */
export function openShards(cluster: Cluster, expression: string | undefined, params?: URLSearchParams): Shard[] {
  const indices = cluster.resolve(expression, {
    ignoreUnavailable: params?.get("ignore_unavailable") === "true",
    allowNoIndices: params?.get("allow_no_indices") !== "false",
  })
  return indices.map((index) => new Shard(index))
}

/** Runs `query` (match_all when absent) on every shard; a failure raised inside a shard fails the whole search. */
function findMatches(shards: Shard[], query: unknown): Match[] {
  // Query parsing happens before any shard is touched, so a bad query fails even when there is nothing to search.
  if (!shards.length && query !== undefined) new Shard(new StoredIndex("_validation", { properties: {} }, {})).compile(query)
  return shards.flatMap((shard) => {
    if (query === undefined) return shard.documents().map((ctx) => ({ ctx, score: 1 }))
    const compiled = shard.compile(query)
    return shard.documents().flatMap((ctx) => {
      const score = compiled.score(ctx)
      return score === null ? [] : [{ ctx, score }]
    })
  })
}

export function shardFailuresAsSearchFailures<T>(run: () => T): T {
  try {
    return run()
  } catch (failure) {
    if (failure instanceof OpenSearchError && failure.shardLevel) throw searchPhaseFailure(failure)
    throw failure
  }
}

const numberParam = (value: unknown, fallback: number) => (value === undefined || value === null || value === "" ? fallback : Number(value))

export function search(cluster: Cluster, expression: string | undefined, body: Record<string, unknown> = {}, params = new URLSearchParams()) {
  const started = Date.now()
  checkBodyKeys(body)
  const from = numberParam(params.get("from") ?? body.from, 0)
  const size = numberParam(params.get("size") ?? body.size, 10)
  if (from < 0) throw illegalArgument("[from] parameter cannot be negative")
  if (size < 0) throw illegalArgument(`[size] parameter cannot be negative, found [${size}]`)
  const aggregations = parseAggregations(body.aggs ?? body.aggregations)
  const sorts = params.has("sort") ? parseSort(params.get("sort"), true) : parseSort(body.sort)
  const filterSource = sourceFilter(body._source, params)
  const shards = openShards(cluster, expression, params)

  return shardFailuresAsSearchFailures(() => {
    if (from + size > MAX_RESULT_WINDOW && shards.length) {
      throw shardLevel(400, {
        type: "illegal_argument_exception",
        reason: `Result window is too large, from + size must be less than or equal to: [${MAX_RESULT_WINDOW}] but was [${from + size}]. ` +
          "See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.",
      }, shards[0].name)
    }
    shards.forEach((shard) => checkSortable(sorts, shard))
    let matches = findMatches(shards, body.query)
    if (body.min_score !== undefined) matches = matches.filter(({ score }) => score >= Number(body.min_score))
    const aggregationResults = runAggregations(aggregations, { contexts: matches.map(({ ctx }) => ctx), shards })
    const hits = body.post_filter === undefined ? matches : matches.filter(({ ctx }) => ctx.shard.compile(body.post_filter).score(ctx) !== null)

    const sortedByScore = !sorts.length || sorts.some((sort) => sort.by === "_score")
    const showScores = sortedByScore || body.track_scores === true
    const effectiveSorts = sorts.length ? sorts : parseSort("_score")
    const shardOrder = new Map(shards.map((shard, i) => [shard, i]))
    const keyed = hits.map((hit) => ({ hit, values: effectiveSorts.map((sort) => sortValue(sort, hit.ctx, hit.score)) }))
    keyed.sort((a, b) =>
      compareSortValues(effectiveSorts, a.values, b.values) ||
      shardOrder.get(a.hit.ctx.shard)! - shardOrder.get(b.hit.ctx.shard)! ||
      a.hit.ctx.doc.order - b.hit.ctx.doc.order
    )
    const after = Array.isArray(body.search_after) ? (body.search_after as SortValue[]) : undefined
    const page = (after ? keyed.filter(({ values }) => compareSortValues(effectiveSorts, values, after) > 0) : keyed).slice(from, from + size)

    return {
      took: Date.now() - started,
      timed_out: false,
      _shards: { total: shards.length, successful: shards.length, skipped: 0, failed: 0 },
      hits: {
        ...totalHits(hits.length, body.track_total_hits ?? params.get("track_total_hits") ?? undefined, params),
        max_score: showScores && page.length ? Math.max(...hits.map(({ score }) => score)) : null,
        hits: page.map(({ hit, values }) => ({
          _index: hit.ctx.shard.name,
          _id: hit.ctx.doc.id,
          ...(body.version === true && { _version: hit.ctx.doc.version }),
          ...(body.seq_no_primary_term === true && { _seq_no: hit.ctx.doc.seqNo, _primary_term: 1 }),
          _score: showScores ? hit.score : null,
          ...(filterSource && { _source: filterSource(hit.ctx.doc.source) }),
          ...(sorts.length > 0 && { sort: values }),
        })),
      },
      ...(Object.keys(aggregations).length > 0 && { aggregations: aggregationResults }),
    }
  })
}

/** `hits.total`: exact up to track_total_hits (default 10,000), then a lower bound; absent when false. */
function totalHits(count: number, track: unknown, params: URLSearchParams) {
  if (track === false || track === "false") return {}
  const limit = track === true || track === "true" ? Infinity : numberParam(track, DEFAULT_TRACK_TOTAL_HITS)
  const total = count > limit ? { value: limit, relation: "gte" } : { value: count, relation: "eq" }
  return { total: params.get("rest_total_hits_as_int") === "true" ? total.value : total }
}

export function count(cluster: Cluster, expression: string | undefined, body: Record<string, unknown> = {}, params = new URLSearchParams()) {
  for (const key of Object.keys(body)) if (key !== "query") throw parsingException(`request does not support [${key}]`)
  const shards = openShards(cluster, expression, params)
  const total = shardFailuresAsSearchFailures(() => findMatches(shards, body.query).length)
  return { count: total, _shards: { total: shards.length, successful: shards.length, skipped: 0, failed: 0 } }
}

/** The documents a _delete_by_query would visit: the query's matches in the refreshed (searchable) view. */
export function matchingDocuments(cluster: Cluster, expression: string, query: unknown): DocContext[] {
  const shards = openShards(cluster, expression)
  return shardFailuresAsSearchFailures(() => findMatches(shards, query).map(({ ctx }) => ctx))
}
