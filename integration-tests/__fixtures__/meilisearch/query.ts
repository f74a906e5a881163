import { attributeCovers, Doc, fieldPaths, leavesAt } from "./documents"
import type { Settings } from "./settings"
import { normalizeWord, prefixTypoCost, tokenize, typoBudget, typoCost, WordToken } from "./text"

/** Turning `q` into terms and finding how well a document matches them (the input of the ranking rules). */

export interface QueryTerm {
  /** One word, or several for a "quoted phrase". */
  words: string[]
  phrase: boolean
  /** The last word of the query, unless a space follows it, matches as a prefix. */
  prefix: boolean
  typoBudget: number
  /** Alternatives from the synonyms setting, each a list of words. */
  synonyms: string[][]
}

export type MatchingStrategy = "last" | "all" | "frequency"

const MAX_QUERY_WORDS = 10

export function parseQuery(q: string, settings: Settings): QueryTerm[] {
  const stopWords = new Set(settings.stopWords.map(normalizeWord))
  const synonyms = new Map<string, string[][]>()
  for (const [key, values] of Object.entries(settings.synonyms)) {
    synonyms.set(normalizeWord(key), values.map((value) => tokenize(value).map((token) => token.word)))
  }
  const terms: QueryTerm[] = []
  q.split('"').forEach((part, index) => {
    const insideQuotes = index % 2 === 1
    const words = tokenize(part).map((token) => token.word)
    if (insideQuotes) {
      if (words.length) terms.push({ words, phrase: true, prefix: false, typoBudget: 0, synonyms: [] })
      return
    }
    for (const word of words.filter((candidate) => !stopWords.has(candidate))) {
      terms.push({ words: [word], phrase: false, prefix: false, typoBudget: typoBudget(word, settings.typoTolerance), synonyms: synonyms.get(word) ?? [] })
    }
  })
  const last = terms.at(-1)
  if (last && !last.phrase && /[\p{L}\p{N}]$/u.test(q)) last.prefix = true
  return terms.slice(0, MAX_QUERY_WORDS)
}

/** A document's searchable text, one entry per searchable attribute, in ranking order. */
export interface SearchableField {
  rank: number
  typosAllowed: boolean
  tokens: WordToken[]
}

/**
 * `fieldOrder` is every field path of the index in order of first appearance; with `searchableAttributes: ["*"]`
 * each path is its own attribute, otherwise a listed attribute also covers its nested fields.
 */
export function searchableFields(doc: Doc, settings: Settings, fieldOrder: string[], searchOn?: string[]): SearchableField[] {
  const everything = settings.searchableAttributes.includes("*")
  const attributes = everything ? fieldOrder : settings.searchableAttributes
  const docPaths = fieldPaths(doc)
  const fields: SearchableField[] = []
  attributes.forEach((attribute, rank) => {
    if (searchOn && !searchOn.some((wanted) => attributeCovers(wanted, attribute) || attributeCovers(attribute, wanted))) return
    const paths = everything ? [attribute] : docPaths.filter((path) => attributeCovers(attribute, path))
    const tokens = paths.flatMap((path) => leavesAt(doc, path).flatMap((leaf) => tokenize(String(leaf))))
    if (tokens.length === 0) return
    const typosAllowed = !settings.typoTolerance.disableOnAttributes.some((disabled) => attributeCovers(disabled, attribute))
    fields.push({ rank, typosAllowed, tokens })
  })
  return fields
}

export interface TermMatch {
  typos: number
  exact: boolean
  rank: number
  position: number
}

/** How a word matches a query word: exactly, as a prefix, or within the typo budget (null: not at all). */
export function wordMatch(term: QueryTerm, word: string, typosAllowed = true): { typos: number; exact: boolean } | null {
  const [wanted] = term.words
  if (word === wanted) return { typos: 0, exact: true }
  if (term.prefix && word.startsWith(wanted)) return { typos: 0, exact: false }
  const budget = typosAllowed ? term.typoBudget : 0
  if (budget === 0) return null
  const typos = term.prefix ? prefixTypoCost(wanted, word, budget) : typoCost(wanted, word)
  return typos <= budget ? { typos, exact: false } : null
}

function bestTermMatch(term: QueryTerm, fields: SearchableField[]): TermMatch | null {
  let best: TermMatch | null = null
  const consider = (candidate: TermMatch) => {
    if (!best || compareTermMatches(candidate, best) < 0) best = candidate
  }
  for (const field of fields) {
    const words = field.tokens.map((token) => token.word)
    if (term.phrase) {
      const position = findSequence(words, term.words)
      if (position >= 0) consider({ typos: 0, exact: true, rank: field.rank, position })
      continue
    }
    words.forEach((word, position) => {
      const match = wordMatch(term, word, field.typosAllowed)
      if (match) consider({ ...match, rank: field.rank, position })
    })
    for (const synonym of term.synonyms) {
      const position = findSequence(words, synonym)
      if (position >= 0) consider({ typos: 0, exact: false, rank: field.rank, position })
    }
  }
  return best
}

const compareTermMatches = (a: TermMatch, b: TermMatch) =>
  a.typos - b.typos || Number(b.exact) - Number(a.exact) || a.rank - b.rank || a.position - b.position

function findSequence(words: string[], sequence: string[]): number {
  if (sequence.length === 0) return -1
  for (let start = 0; start + sequence.length <= words.length; start++) {
    if (sequence.every((word, offset) => words[start + offset] === word)) return start
  }
  return -1
}

export interface DocumentMatch {
  /** Query terms the document matches once the matching strategy dropped the others. */
  matchedWords: number
  typos: number
  proximity: number
  attributeRank: number
  wordPosition: number
  exactWords: number
}

/**
 * The matching strategy drops terms until every remaining one matches: from the end (`last`),
 * the most frequent first (`frequency`), or never (`all`).
 */
export function removalOrder(terms: QueryTerm[], strategy: MatchingStrategy, frequency: (term: QueryTerm) => number): QueryTerm[] {
  if (strategy === "all") return []
  if (strategy === "last") return [...terms].reverse().slice(0, -1)
  return [...terms].sort((a, b) => frequency(b) - frequency(a)).slice(0, -1)
}

export function matchTerms(terms: QueryTerm[], fields: SearchableField[]): (TermMatch | null)[] {
  return terms.map((term) => bestTermMatch(term, fields))
}

export function matchDocument(terms: QueryTerm[], matches: (TermMatch | null)[], removal: QueryTerm[]): DocumentMatch | null {
  for (let removed = 0; removed <= removal.length; removed++) {
    const dropped = new Set(removal.slice(0, removed))
    const used = terms.map((term, i) => (dropped.has(term) ? undefined : matches[i])).filter((match) => match !== undefined)
    if (used.some((match) => match === null)) continue
    const found = used as TermMatch[]
    return {
      matchedWords: found.length,
      typos: found.reduce((sum, match) => sum + match.typos, 0),
      proximity: proximity(found),
      attributeRank: Math.min(...found.map((match) => match.rank)),
      wordPosition: Math.min(...found.map((match) => match.position)),
      exactWords: found.filter((match) => match.exact).length,
    }
  }
  return null
}

/** Distance between consecutive query words, capped at 8 like Meilisearch's proximity rule. */
function proximity(matches: TermMatch[]): number {
  let total = 0
  for (let i = 1; i < matches.length; i++) {
    const [a, b] = [matches[i - 1], matches[i]]
    total += a.rank === b.rank ? Math.min(Math.abs(b.position - a.position), 8) : 8
  }
  return total
}
