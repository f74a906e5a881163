/** Term-level queries: exact values, ranges, existence and term patterns; none of them analyse their input. */

import { normalizeKeyword, wildcardRegExp } from "./analysis"
import { isPlainObject } from "./objects"
import { ErrorCause, parsingException, queryShardFailure, unsupported } from "./errors"
import { DATE_TYPES, INTEGER_TYPES, isObjectType, KEYWORD_TYPES, NUMERIC_TYPES, ResolvedField } from "./mapping"
import { asArray, boosted, checkParams, constantScore, MATCH_NONE, Query, queryObject, singleField } from "./query-dsl"
import { fuzzyExpansions, termsScorer } from "./scoring"
import type { Shard } from "./shard"
import { DocContext, DocValue, docValues, fieldTerms, isTermField, parseDateMath, rawValues, toFieldNumber } from "./values"

/** What a query value means for a field: its indexed term, number, boolean or date; throws like OpenSearch if it can't. */
export function queryValue(shard: Shard, field: ResolvedField, value: unknown): DocValue {
  const failure = (causedBy: ErrorCause) =>
    queryShardFailure(`failed to create query: ${causedBy.reason}`, shard.name, shard.index.uuid, causedBy)
  if (NUMERIC_TYPES.has(field.type)) {
    const number = toFieldNumber(field, value)
    if (number === undefined) throw failure({ type: "number_format_exception", reason: `For input string: "${value}"` })
    return number
  }
  if (field.type === "boolean") {
    if (value === true || value === "true") return true
    if (value === false || value === "false" || value === "") return false
    throw failure({ type: "illegal_argument_exception", reason: `Can't parse boolean value [${value}], expected [true] or [false]` })
  }
  if (DATE_TYPES.has(field.type)) {
    const millis = parseDateMath(value)
    if (millis === undefined) {
      throw failure({ type: "parse_exception", reason: `failed to parse date field [${value}] with format [strict_date_optional_time||epoch_millis]` })
    }
    return millis
  }
  const text = String(value)
  return KEYWORD_TYPES.has(field.type) ? normalizeKeyword(text, field.mapping.normalizer, shard.analysisSettings) : text
}

/** Documents whose field holds any of `values` (term, terms, and match against non-text fields). */
export function exactValuesQuery(shard: Shard, fieldName: string, values: unknown[], options: { scored?: boolean; caseInsensitive?: boolean } = {}): Query {
  const field = shard.field(fieldName)
  if (!field || isObjectType(field.mapping)) return MATCH_NONE
  if (isTermField(field)) {
    const terms = values.map((value) => queryValue(shard, field, value) as string)
    if (options.caseInsensitive) {
      const lowered = new Set(terms.map((term) => term.toLowerCase()))
      return constantScore((ctx) => [...fieldTerms(ctx, field).frequencies.keys()].some((term) => lowered.has(term.toLowerCase())))
    }
    if (options.scored && terms.length === 1) {
      const score = termsScorer(shard, field, [{ term: terms[0], boost: 1 }])
      return { score }
    }
    return constantScore((ctx) => terms.some((term) => fieldTerms(ctx, field).frequencies.has(term)))
  }
  if (!NUMERIC_TYPES.has(field.type) && !DATE_TYPES.has(field.type) && field.type !== "boolean") return MATCH_NONE
  const wanted = new Set(values.map((value) => queryValue(shard, field, value)))
  return constantScore((ctx) => docValues(ctx, field).some((value) => wanted.has(value)))
}

function termQuery(body: unknown, shard: Shard): Query {
  const { fieldName, params } = singleField("term", body, "value")
  checkParams("term", params, ["value", "boost", "_name", "case_insensitive"])
  if (params.value === undefined || params.value === null) throw parsingException("[term] query malformed, value cannot be null")
  const query = exactValuesQuery(shard, fieldName, [params.value], { scored: true, caseInsensitive: params.case_insensitive === true })
  return boosted(query, params.boost)
}

function termsQuery(body: unknown, shard: Shard): Query {
  const params = queryObject("terms", body)
  const fields = Object.keys(params).filter((key) => key !== "boost" && key !== "_name")
  if (fields.length !== 1) throw parsingException(`[terms] query requires exactly one field, found [${fields.join(", ")}]`)
  const values = params[fields[0]]
  if (isPlainObject(values)) throw unsupported("terms lookup ([terms] with index/id/path)")
  if (!Array.isArray(values)) throw parsingException(`[terms] query does not support [${fields[0]}]`)
  const anyValue = exactValuesQuery(shard, fields[0], values)
  return constantScore((ctx) => anyValue.score(ctx) !== null, Number(params.boost ?? 1))
}

const RANGE_PARAMS = ["gt", "gte", "lt", "lte", "from", "to", "include_lower", "include_upper", "format", "relation", "time_zone", "boost", "_name"]

function rangeQuery(body: unknown, shard: Shard): Query {
  const { fieldName, params } = singleField("range", body, "gte")
  checkParams("range", params, RANGE_PARAMS)
  const field = shard.field(fieldName)
  if (!field || isObjectType(field.mapping)) return MATCH_NONE
  const bound = (value: unknown) => {
    if (value === undefined || value === null) return undefined
    // Integer fields compare with the exact bound, so `gte: 10.5` on a long excludes 10.
    return INTEGER_TYPES.has(field.type) && Number.isFinite(Number(value)) ? Number(value) : queryValue(shard, field, value)
  }
  const lower = bound(params.gt ?? params.gte ?? params.from)
  const upper = bound(params.lt ?? params.lte ?? params.to)
  const includeLower = params.gt === undefined && params.include_lower !== false
  const includeUpper = params.lt === undefined && params.include_upper !== false
  const inRange = (value: DocValue) =>
    (lower === undefined || (includeLower ? value >= lower : value > lower)) &&
    (upper === undefined || (includeUpper ? value <= upper : value < upper))
  const values = isTermField(field) ? (ctx: DocContext) => [...fieldTerms(ctx, field).frequencies.keys()] : (ctx: DocContext) => docValues(ctx, field)
  return constantScore((ctx) => values(ctx).some(inRange), Number(params.boost ?? 1))
}

function existsQuery(body: unknown, shard: Shard): Query {
  const params = queryObject("exists", body)
  checkParams("exists", params, ["field", "boost", "_name"])
  if (typeof params.field !== "string") throw parsingException("[exists] must be provided with a [field]")
  const fields = shard.fieldsMatching(params.field).flatMap((name) => shard.field(name) ?? [])
  const exists = (ctx: DocContext) =>
    fields.some((field) => {
      if (field.type === "nested") return false // nested objects are separate hidden documents
      if (field.type === "object") return rawValues(ctx, field).some((value) => isPlainObject(value) && Object.keys(value).length > 0)
      const hasDocValues = KEYWORD_TYPES.has(field.type) || NUMERIC_TYPES.has(field.type) || DATE_TYPES.has(field.type) || field.type === "boolean"
      return hasDocValues ? docValues(ctx, field).length > 0 : rawValues(ctx, field).length > 0
    })
  return constantScore(exists, Number(params.boost ?? 1))
}

/** prefix and wildcard: term patterns matched against the field's indexed terms, constant score. */
function patternQuery(queryName: "prefix" | "wildcard") {
  return (body: unknown, shard: Shard): Query => {
    const { fieldName, params } = singleField(queryName, body, "value")
    checkParams(queryName, params, ["value", "wildcard", "boost", "_name", "case_insensitive", "rewrite"])
    const field = shard.field(fieldName)
    if (!field || !isTermField(field)) return MATCH_NONE
    const value = queryValue(shard, field, params.value ?? params.wildcard) as string
    const caseInsensitive = params.case_insensitive === true
    const pattern = wildcardRegExp(value, caseInsensitive)
    const prefix = caseInsensitive ? value.toLowerCase() : value
    const matches =
      queryName === "prefix"
        ? (term: string) => (caseInsensitive ? term.toLowerCase() : term).startsWith(prefix)
        : (term: string) => pattern.test(term)
    return constantScore((ctx) => [...fieldTerms(ctx, field).frequencies.keys()].some(matches), Number(params.boost ?? 1))
  }
}

function fuzzyQuery(body: unknown, shard: Shard): Query {
  const { fieldName, params } = singleField("fuzzy", body, "value")
  checkParams("fuzzy", params, ["value", "fuzziness", "prefix_length", "max_expansions", "transpositions", "rewrite", "boost", "_name"])
  const field = shard.field(fieldName)
  if (!field) return MATCH_NONE
  if (!isTermField(field)) throw unsupported(`[fuzzy] on a [${field.type}] field`)
  const term = queryValue(shard, field, params.value) as string
  const expansions = fuzzyExpansions(shard, field, term, {
    fuzziness: params.fuzziness ?? "AUTO",
    prefixLength: Number(params.prefix_length ?? 0),
    maxExpansions: Number(params.max_expansions ?? 50),
    transpositions: params.transpositions !== false,
  })
  return boosted({ score: termsScorer(shard, field, expansions) }, params.boost)
}

function idsQuery(body: unknown): Query {
  const params = queryObject("ids", body)
  checkParams("ids", params, ["values", "boost", "_name"])
  const ids = new Set(asArray(params.values).map(String))
  return constantScore((ctx) => ctx.nestedPath === null && ids.has(ctx.doc.id), Number(params.boost ?? 1))
}

export const TERM_LEVEL_QUERIES: Record<string, (body: unknown, shard: Shard) => Query> = {
  term: termQuery,
  terms: termsQuery,
  range: rangeQuery,
  exists: existsQuery,
  prefix: patternQuery("prefix"),
  wildcard: patternQuery("wildcard"),
  fuzzy: fuzzyQuery,
  ids: idsQuery,
}
