/** Full-text queries: the query string is analysed with the field's analyzer, then matched term by term. */

import { analyzeText, normalizeKeyword, requiredShouldMatches } from "./analysis"
import { OpenSearchError, parsingException } from "./errors"
import { KEYWORD_TYPES, ResolvedField } from "./mapping"
import { boosted, checkParams, constantScore, fieldWithBoost, MATCH_NONE, Query, queryObject, singleField } from "./query-dsl"
import { bm25, Expansion, fuzzyExpansions, idf, prefixExpansions, termsScorer } from "./scoring"
import type { Shard } from "./shard"
import { exactValuesQuery } from "./term-queries"
import { DocContext, fieldTerms, isTermField } from "./values"

type Clause = (ctx: DocContext) => number | null

interface MatchOptions {
  operator?: unknown
  minimumShouldMatch?: unknown
  fuzziness?: unknown
  prefixLength?: number
  maxExpansions?: number
  transpositions?: boolean
  lenient?: boolean
  zeroTermsQuery?: unknown
  slop?: number
}

const optionsFrom = (params: Record<string, unknown>): MatchOptions => ({
  operator: String(params.operator ?? "or").toLowerCase(),
  minimumShouldMatch: params.minimum_should_match,
  fuzziness: params.fuzziness,
  prefixLength: Number(params.prefix_length ?? 0),
  maxExpansions: Number(params.max_expansions ?? 50),
  transpositions: params.fuzzy_transpositions !== false,
  lenient: params.lenient === true,
  zeroTermsQuery: params.zero_terms_query,
  slop: Number(params.slop ?? 0),
})

/** The query text through the field's analyzer: words for text fields, the whole normalized value for keywords. */
function analyzeFor(shard: Shard, field: ResolvedField, text: unknown): string[] {
  if (KEYWORD_TYPES.has(field.type)) return [normalizeKeyword(String(text), field.mapping.normalizer, shard.analysisSettings)]
  return analyzeText(String(text))
}

/** A non-text field (number, date, boolean) matches the query as one exact value; `lenient` ignores bad input. */
function exactValueMatch(shard: Shard, fieldName: string, text: unknown, options: MatchOptions): Query {
  try {
    return exactValuesQuery(shard, fieldName, [text])
  } catch (failure) {
    if (options.lenient && failure instanceof OpenSearchError) return MATCH_NONE
    throw failure
  }
}

/** At least `required` of the per-term clauses must match (all of them for operator "and"); scores add up. */
function anyOfClauses(clauses: Clause[], options: MatchOptions): Query {
  const required = options.operator === "and" ? clauses.length : Math.max(1, requiredShouldMatches(options.minimumShouldMatch ?? 1, clauses.length))
  return {
    score(ctx) {
      let matched = 0
      let score = 0
      for (const clause of clauses) {
        const clauseScore = clause(ctx)
        if (clauseScore === null) continue
        matched++
        score += clauseScore
      }
      return matched >= required ? score : null
    },
  }
}

const noTerms = (options: MatchOptions): Query =>
  String(options.zeroTermsQuery ?? "none").toLowerCase() === "all" ? constantScore(() => true) : MATCH_NONE

export function matchField(shard: Shard, fieldName: string, text: unknown, options: MatchOptions): Query {
  const field = shard.field(fieldName)
  if (!field) return MATCH_NONE
  if (!isTermField(field)) return exactValueMatch(shard, fieldName, text, options)
  const terms = analyzeFor(shard, field, text)
  if (!terms.length) return noTerms(options)
  const clauses = terms.map((term) => termsScorer(shard, field, fuzzyExpansions(shard, field, term, options)))
  return anyOfClauses(clauses, options)
}

/** Counts occurrences of the phrase in any single value, allowing `slop` extra positions in total (in order). */
function phraseFrequency(values: string[][], positions: Array<Set<string>>, slop: number): number {
  let frequency = 0
  const extend = (tokens: string[], next: number, at: number, slack: number): boolean => {
    if (next === positions.length) return true
    for (let gap = 0; gap <= slack && at + gap < tokens.length; gap++) {
      if (positions[next].has(tokens[at + gap]) && extend(tokens, next + 1, at + gap + 1, slack - gap)) return true
    }
    return false
  }
  for (const tokens of values) {
    for (let start = 0; start < tokens.length; start++) {
      if (positions[0].has(tokens[start]) && extend(tokens, 1, start + 1, slop)) frequency++
    }
  }
  return frequency
}

/** A phrase whose positions may each accept several terms (the last one's prefix expansions, for phrase_prefix). */
function phraseClause(shard: Shard, field: ResolvedField, positions: Expansion[][], slop: number): Clause {
  const stats = shard.stats(field)
  const sets = positions.map((expansions) => new Set(expansions.map(({ term }) => term)))
  const weight = positions.reduce(
    (sum, expansions) => sum + idf(stats, Math.max(0, ...expansions.map(({ term }) => stats.docFrequency.get(term) ?? 0))),
    0
  )
  return (ctx) => {
    const terms = fieldTerms(ctx, field)
    const frequency = phraseFrequency(terms.values, sets, slop)
    return frequency ? bm25(stats, weight, frequency, terms.length) : null
  }
}

export function matchPhrase(shard: Shard, fieldName: string, text: unknown, options: MatchOptions, prefixLast: boolean): Query {
  const field = shard.field(fieldName)
  if (!field) return MATCH_NONE
  if (!isTermField(field)) return exactValueMatch(shard, fieldName, text, options)
  const terms = analyzeFor(shard, field, text)
  if (!terms.length) return noTerms(options)
  const positions: Expansion[][] = terms.map((term) => [{ term, boost: 1 }])
  if (prefixLast) positions[positions.length - 1] = prefixExpansions(shard, field, terms[terms.length - 1], options.maxExpansions)
  if (positions.length === 1) return { score: termsScorer(shard, field, positions[0]) }
  return { score: phraseClause(shard, field, positions, options.slop ?? 0) }
}

/** match_bool_prefix: every term a (possibly fuzzy) term clause, the last one a constant-score prefix clause. */
export function matchBoolPrefix(shard: Shard, fieldName: string, text: unknown, options: MatchOptions): Query {
  const field = shard.field(fieldName)
  if (!field) return MATCH_NONE
  if (!isTermField(field)) return exactValueMatch(shard, fieldName, text, options)
  const terms = analyzeFor(shard, field, text)
  if (!terms.length) return noTerms(options)
  const last = new Set(prefixExpansions(shard, field, terms[terms.length - 1], options.maxExpansions).map(({ term }) => term))
  const clauses: Clause[] = terms.slice(0, -1).map((term) => termsScorer(shard, field, fuzzyExpansions(shard, field, term, options)))
  clauses.push((ctx) => ([...last].some((term) => fieldTerms(ctx, field).frequencies.has(term)) ? 1 : null))
  return anyOfClauses(clauses, options)
}

const MATCH_PARAMS = [
  "query", "operator", "minimum_should_match", "fuzziness", "prefix_length", "max_expansions", "fuzzy_transpositions",
  "lenient", "zero_terms_query", "analyzer", "boost", "_name", "auto_generate_synonyms_phrase_query", "fuzzy_rewrite",
]
const PHRASE_PARAMS = ["query", "slop", "analyzer", "zero_terms_query", "max_expansions", "boost", "_name"]

function singleFieldQuery(queryName: string, allowed: string[], build: (shard: Shard, field: string, text: unknown, options: MatchOptions) => Query) {
  return (body: unknown, shard: Shard): Query => {
    const { fieldName, params } = singleField(queryName, body, "query")
    checkParams(queryName, params, allowed)
    if (params.query === undefined) throw parsingException(`[${queryName}] requires query value`)
    return boosted(build(shard, fieldName, params.query, optionsFrom(params)), params.boost)
  }
}

const MULTI_MATCH_PARAMS = [...MATCH_PARAMS, "fields", "type", "tie_breaker", "slop"]
const MULTI_MATCH_TYPES = ["best_fields", "most_fields", "cross_fields", "phrase", "phrase_prefix", "bool_prefix"]

function multiMatch(body: unknown, shard: Shard): Query {
  const params = queryObject("multi_match", body)
  checkParams("multi_match", params, MULTI_MATCH_PARAMS)
  if (params.query === undefined) throw parsingException("No text specified for multi_match query")
  const type = String(params.type ?? "best_fields")
  if (!MULTI_MATCH_TYPES.includes(type)) throw parsingException(`failed to parse [multi_match] query type [${type}]. unknown type.`)
  const specs = params.fields === undefined ? ["*"] : Array.isArray(params.fields) ? params.fields : [params.fields]
  // With the default `*` fields OpenSearch is lenient, since most fields cannot parse arbitrary text.
  const options = { ...optionsFrom(params), lenient: params.lenient === true || params.fields === undefined }
  const fields = specs.flatMap((spec) => {
    const { name, boost } = fieldWithBoost(String(spec))
    return shard.fieldsMatching(name).map((fieldName) => ({ fieldName, boost }))
  })
  const tieBreaker = Number(params.tie_breaker ?? 0)
  if (type === "cross_fields") return boosted(crossFields(shard, fields, params.query, options, tieBreaker), params.boost)
  const perField = fields.map(({ fieldName, boost }) => {
    const query =
      type === "phrase" || type === "phrase_prefix"
        ? matchPhrase(shard, fieldName, params.query, options, type === "phrase_prefix")
        : type === "bool_prefix"
          ? matchBoolPrefix(shard, fieldName, params.query, options)
          : matchField(shard, fieldName, params.query, options)
    return boosted(query, boost)
  })
  const combined = type === "most_fields" || type === "bool_prefix" ? sumOf(perField) : disMax(perField, tieBreaker)
  return boosted(combined, params.boost)
}

/** Term-centric: each term scores as its best field; operator and minimum_should_match count terms, not fields. */
function crossFields(shard: Shard, fields: Array<{ fieldName: string; boost: number }>, text: unknown, options: MatchOptions, tieBreaker: number): Query {
  const terms = analyzeText(String(text))
  if (!terms.length) return noTerms(options)
  const clauses = terms.map((term) => {
    const perField = fields.flatMap(({ fieldName, boost }) => {
      const field = shard.field(fieldName)
      if (!field || !isTermField(field)) return []
      return [boosted({ score: termsScorer(shard, field, [{ term, boost: 1 }]) }, boost)]
    })
    const best = disMax(perField, tieBreaker)
    return (ctx: DocContext) => best.score(ctx)
  })
  return anyOfClauses(clauses, options)
}

export function disMax(queries: Query[], tieBreaker: number): Query {
  return {
    score(ctx) {
      let best: number | null = null
      let sum = 0
      for (const query of queries) {
        const score = query.score(ctx)
        if (score === null) continue
        sum += score
        best = best === null ? score : Math.max(best, score)
      }
      return best === null ? null : best + tieBreaker * (sum - best)
    },
  }
}

function sumOf(queries: Query[]): Query {
  return {
    score(ctx) {
      let total: number | null = null
      for (const query of queries) {
        const score = query.score(ctx)
        if (score !== null) total = (total ?? 0) + score
      }
      return total
    },
  }
}

export const FULL_TEXT_QUERIES: Record<string, (body: unknown, shard: Shard) => Query> = {
  match: singleFieldQuery("match", MATCH_PARAMS, matchField),
  match_phrase: singleFieldQuery("match_phrase", PHRASE_PARAMS, (shard, field, text, options) => matchPhrase(shard, field, text, options, false)),
  match_phrase_prefix: singleFieldQuery("match_phrase_prefix", PHRASE_PARAMS, (shard, field, text, options) => matchPhrase(shard, field, text, options, true)),
  match_bool_prefix: singleFieldQuery("match_bool_prefix", MATCH_PARAMS, matchBoolPrefix),
  multi_match: multiMatch,
}
