/** Text analysis and the matching arithmetic the query DSL needs. */

import { parsingException } from "./errors"

const WORD = /[\p{L}\p{N}_]+(?:(?:[.'’]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}_]+)*/gu

/**
 * Stand-in for OpenSearch's `standard` analyzer: lowercased words split on Unicode word boundaries, keeping
 * "don't", "u.s.a" and "1,000.50" whole as UAX#29 does. No stop words (the standard analyzer has none either).
 */
export function analyzeText(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

/** Applies a keyword field's normalizer, if it declares one that lowercases or folds accents. */
export function normalizeKeyword(value: string, normalizer: string | undefined, settings: IndexAnalysisSettings): string {
  if (!normalizer) return value
  const filters = normalizer === "lowercase" ? ["lowercase"] : toArray(settings.analysis?.normalizer?.[normalizer]?.filter)
  let normalized = value
  if (filters.includes("lowercase")) normalized = normalized.toLowerCase()
  if (filters.includes("asciifolding")) normalized = normalized.normalize("NFD").replace(/\p{Mn}/gu, "")
  return normalized
}

export interface IndexAnalysisSettings {
  analysis?: { normalizer?: Record<string, { filter?: string | string[] }> }
}

const toArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** Edits allowed for `term` under a `fuzziness` setting (docs: AUTO = 0 edits for 0-2 chars, 1 for 3-5, 2 beyond). */
export function allowedEdits(fuzziness: unknown, term: string): number {
  if (fuzziness === undefined || fuzziness === null) return 0
  const setting = String(fuzziness).toUpperCase()
  const length = Array.from(term).length
  if (setting.startsWith("AUTO")) {
    const [low, high] = setting === "AUTO" ? [3, 6] : setting.slice(5).split(",").map(Number)
    if (!Number.isFinite(low) || !Number.isFinite(high)) throw parsingException(`failed to parse [${fuzziness}] as fuzziness`)
    return length < low ? 0 : length < high ? 1 : 2
  }
  const edits = Number(setting)
  if (!Number.isFinite(edits) || edits < 0) throw parsingException(`failed to parse [${fuzziness}] as fuzziness`)
  return Math.min(2, Math.floor(edits))
}

/** Damerau–Levenshtein (optimal string alignment) distance over code points; `Infinity` once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number, transpositions = true): number {
  const s = Array.from(a)
  const t = Array.from(b)
  if (Math.abs(s.length - t.length) > max) return Infinity
  let previous2: number[] = []
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (transpositions && i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        distance = Math.min(distance, previous2[j - 2] + 1)
      }
      current.push(distance)
      rowMin = Math.min(rowMin, distance)
    }
    if (rowMin > max) return Infinity
    previous2 = previous
    previous = current
  }
  const distance = previous[t.length]
  return distance > max ? Infinity : distance
}

/**
 * How many of `optionalClauses` must match under `minimum_should_match`: "2", "-1", "75%", "-25%",
 * and conditional specs such as "2<75%" or "3<-1 5<50%".
 */
export function requiredShouldMatches(spec: unknown, optionalClauses: number): number {
  if (spec === undefined || spec === null) return 0
  const text = String(spec).trim()
  if (text.includes("<")) {
    let required = optionalClauses
    for (const part of text.split(/\s+/)) {
      const [threshold, value] = part.split("<")
      if (optionalClauses > Number(threshold)) required = requiredShouldMatches(value, optionalClauses)
    }
    return required
  }
  const percent = text.endsWith("%")
  const number = Number(percent ? text.slice(0, -1) : text)
  if (!Number.isFinite(number)) throw parsingException(`[bool] failed to parse minimum_should_match [${text}]`)
  const count = percent ? Math.trunc((optionalClauses * Math.abs(number)) / 100) : Math.abs(number)
  // Not capped at the clause count: asking for more matches than there are clauses matches nothing, as in OpenSearch.
  return Math.max(0, number < 0 ? optionalClauses - count : count)
}

/** A `*`/`?` wildcard pattern (as in wildcard queries, `_source` filters and field lists) as a RegExp. */
export function wildcardRegExp(pattern: string, caseInsensitive = false): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")
  return new RegExp(`^${body}$`, caseInsensitive ? "iu" : "u")
}
