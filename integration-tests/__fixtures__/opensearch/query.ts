/**
 * The query DSL evaluator: compiles a query object against one shard into a scorer. Compound queries live here;
 * term-level and full-text queries in their own files. Filter context does not score (bool filter/must_not,
 * constant_score), exactly as in OpenSearch.
 */

import { requiredShouldMatches } from "./analysis"
import { isPlainObject } from "./objects"
import { OpenSearchError, parsingException, queryShardFailure, unsupported } from "./errors"
import { disMax, FULL_TEXT_QUERIES } from "./full-text"
import { knnQuery } from "./knn"
import { asArray, boosted, boostOf, checkParams, constantScore, MATCH_NONE, Query, queryObject } from "./query-dsl"
import type { Shard } from "./shard"
import { TERM_LEVEL_QUERIES } from "./term-queries"
import { nestedContexts } from "./values"

export type { Query } from "./query-dsl"

/** Queries OpenSearch has that the fixture does not evaluate: refused loudly instead of answered wrongly. */
const NOT_IMPLEMENTED = new Set([
  "query_string", "simple_query_string", "function_score", "script", "script_score", "boosting", "regexp", "terms_set",
  "combined_fields", "intervals", "more_like_this", "has_child", "has_parent", "parent_id", "percolate", "distance_feature",
  "rank_feature", "wrapper", "geo_bounding_box", "geo_distance", "geo_polygon", "geo_shape", "neural", "hybrid",
  "span_term", "span_near", "span_or", "span_not", "span_first", "span_multi", "span_containing", "span_within",
])

const COMPOUND_QUERIES: Record<string, (body: unknown, shard: Shard) => Query> = {
  match_all(body) {
    const params = queryObject("match_all", body)
    checkParams("match_all", params, ["boost", "_name"])
    return constantScore(() => true, boostOf(params))
  },
  match_none: () => MATCH_NONE,
  bool: boolQuery,
  nested: nestedQuery,
  constant_score(body, shard) {
    const params = queryObject("constant_score", body)
    checkParams("constant_score", params, ["filter", "boost", "_name"])
    if (params.filter === undefined) throw parsingException("[constant_score] requires a 'filter' element")
    const filter = compileQuery(params.filter, shard)
    return constantScore((ctx) => filter.score(ctx) !== null, boostOf(params))
  },
  knn: (body, shard) => knnQuery(body, shard, compileQuery),
  dis_max(body, shard) {
    const params = queryObject("dis_max", body)
    checkParams("dis_max", params, ["queries", "tie_breaker", "boost", "_name"])
    const queries = asArray(params.queries).map((query) => compileQuery(query, shard))
    return boosted(disMax(queries, Number(params.tie_breaker ?? 0)), params.boost)
  },
}

const COMPILERS = { ...COMPOUND_QUERIES, ...TERM_LEVEL_QUERIES, ...FULL_TEXT_QUERIES }

export function compileQuery(json: unknown, shard: Shard): Query {
  if (!isPlainObject(json)) throw parsingException("query malformed, must start with start_object")
  const names = Object.keys(json)
  if (names.length === 0) throw parsingException("query malformed, empty clause found")
  if (names.length > 1) throw parsingException(`[${names[0]}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]`)
  const name = names[0]
  const compile = COMPILERS[name as keyof typeof COMPILERS]
  if (compile) return compile(json[name], shard)
  if (NOT_IMPLEMENTED.has(name)) throw unsupported(`the [${name}] query`)
  throw unknownQuery(name)
}

/** `unknown query [x]`; `locate` lets the HTTP layer add the line/col OpenSearch reports. */
function unknownQuery(name: string): OpenSearchError {
  const error = parsingException(`unknown query [${name}]`, {
    caused_by: { type: "named_object_not_found_exception", reason: `unknown field [${name}]` },
  })
  error.locate = name
  return error
}

function boolQuery(body: unknown, shard: Shard): Query {
  const params = queryObject("bool", body)
  checkParams("bool", params, ["must", "should", "filter", "must_not", "minimum_should_match", "boost", "_name", "adjust_pure_negative"])
  const clauses = (occur: string) => asArray(params[occur]).map((clause) => compileQuery(clause, shard))
  const [must, should, filter, mustNot] = ["must", "should", "filter", "must_not"].map(clauses)
  const boost = boostOf(params)
  if (!must.length && !should.length && !filter.length && !mustNot.length) return constantScore(() => true, boost)
  // Without must or filter clauses, at least one should clause has to match.
  const requiredShould =
    params.minimum_should_match !== undefined
      ? requiredShouldMatches(params.minimum_should_match, should.length)
      : must.length || filter.length ? 0 : should.length ? 1 : 0
  const scores = must.length + should.length > 0
  return {
    score(ctx) {
      let score = 0
      for (const query of must) {
        const clauseScore = query.score(ctx)
        if (clauseScore === null) return null
        score += clauseScore
      }
      for (const query of filter) if (query.score(ctx) === null) return null
      for (const query of mustNot) if (query.score(ctx) !== null) return null
      let matchedShould = 0
      for (const query of should) {
        const clauseScore = query.score(ctx)
        if (clauseScore === null) continue
        matchedShould++
        score += clauseScore
      }
      if (matchedShould < requiredShould) return null
      return scores ? score * boost : 0
    },
  }
}

function nestedQuery(body: unknown, shard: Shard): Query {
  const params = queryObject("nested", body)
  checkParams("nested", params, ["path", "query", "score_mode", "ignore_unmapped", "inner_hits", "boost", "_name"])
  if (params.inner_hits !== undefined) throw unsupported("[nested] inner_hits")
  const path = String(params.path ?? "")
  if (params.query === undefined) throw parsingException("[nested] requires 'query' field")
  const field = shard.field(path)
  if (!field) {
    if (params.ignore_unmapped === true) return MATCH_NONE
    throw queryShardFailure(`[nested] failed to find nested object under path [${path}]`, shard.name, shard.index.uuid)
  }
  if (field.type !== "nested") {
    throw queryShardFailure(`[nested] nested object under path [${path}] is not of nested type`, shard.name, shard.index.uuid)
  }
  const inner = compileQuery(params.query, shard)
  const scoreMode = String(params.score_mode ?? "avg")
  const boost = boostOf(params)
  return {
    score(ctx) {
      if (field.nestedPath !== ctx.nestedPath) return null
      const scores = nestedContexts(ctx, path).flatMap((child) => inner.score(child) ?? [])
      if (!scores.length) return null
      const combined =
        scoreMode === "max" ? Math.max(...scores)
        : scoreMode === "min" ? Math.min(...scores)
        : scoreMode === "sum" ? scores.reduce((a, b) => a + b, 0)
        : scoreMode === "none" ? 0
        : scores.reduce((a, b) => a + b, 0) / scores.length
      return combined * boost
    },
  }
}
