/**
 * Relevance scoring: Lucene's BM25 (k1 = 1.2, b = 0.75, without the (k1 + 1) numerator Lucene 8 dropped), with
 * term statistics from the one shard each index has. Keyword fields have no norms, so their length is 1.
 */

import { allowedEdits, editDistance } from "./analysis"
import type { ResolvedField } from "./mapping"
import type { Shard } from "./shard"
import { DocContext, fieldTerms } from "./values"

const K1 = 1.2
const B = 0.75

export interface FieldStats {
  /** Documents (or nested objects) with at least one term in the field. */
  docCount: number
  averageLength: number
  docFrequency: Map<string, number>
}

export function idf(stats: FieldStats, docFrequency: number): number {
  return Math.log(1 + (stats.docCount - docFrequency + 0.5) / (docFrequency + 0.5))
}

export function bm25(stats: FieldStats, weight: number, termFrequency: number, fieldLength: number): number {
  const norm = K1 * (1 - B + (B * fieldLength) / (stats.averageLength || 1))
  return (weight * termFrequency) / (termFrequency + norm)
}

/** A term expansion (fuzzy or prefix) and the boost Lucene gives it. */
export interface Expansion {
  term: string
  boost: number
}

/** Scores documents containing any of `expansions`: the sum of each term's BM25 times its boost; null if none. */
export function termsScorer(shard: Shard, field: ResolvedField, expansions: Expansion[]) {
  const stats = shard.stats(field)
  const weighted = expansions.map(({ term, boost }) => ({ term, boost, idf: idf(stats, stats.docFrequency.get(term) ?? 0) }))
  return (ctx: DocContext): number | null => {
    const terms = fieldTerms(ctx, field)
    let score: number | null = null
    for (const { term, boost, idf: weight } of weighted) {
      const frequency = terms.frequencies.get(term)
      if (frequency) score = (score ?? 0) + boost * bm25(stats, weight, frequency, terms.length)
    }
    return score
  }
}

export interface FuzzyOptions {
  fuzziness?: unknown
  prefixLength?: number
  maxExpansions?: number
  transpositions?: boolean
}

/**
 * Terms of the shard's dictionary within the allowed edits of `term`, closest first, at most max_expansions (50).
 * Like Lucene's FuzzyQuery each gets boost 1 - edits / min(length); the exact term, if present, keeps boost 1.
 */
export function fuzzyExpansions(shard: Shard, field: ResolvedField, term: string, options: FuzzyOptions): Expansion[] {
  const maxEdits = allowedEdits(options.fuzziness, term)
  if (maxEdits === 0) return [{ term, boost: 1 }]
  const prefix = Array.from(term).slice(0, options.prefixLength ?? 0).join("")
  const candidates: Array<Expansion & { edits: number }> = []
  for (const candidate of shard.stats(field).docFrequency.keys()) {
    if (!candidate.startsWith(prefix)) continue
    const edits = editDistance(term, candidate, maxEdits, options.transpositions ?? true)
    if (edits === Infinity) continue
    const shorter = Math.min(Array.from(term).length, Array.from(candidate).length)
    candidates.push({ term: candidate, edits, boost: edits === 0 ? 1 : Math.max(0, 1 - edits / shorter) })
  }
  candidates.sort((a, b) => a.edits - b.edits || (a.term < b.term ? -1 : 1))
  return candidates.slice(0, options.maxExpansions ?? 50)
}

/** Dictionary terms starting with `prefix` in term order, at most `maxExpansions`. */
export function prefixExpansions(shard: Shard, field: ResolvedField, prefix: string, maxExpansions = 50): Expansion[] {
  return [...shard.stats(field).docFrequency.keys()]
    .filter((term) => term.startsWith(prefix))
    .sort()
    .slice(0, maxExpansions)
    .map((term) => ({ term, boost: 1 }))
}

export function computeFieldStats(contexts: DocContext[], field: ResolvedField): FieldStats {
  const docFrequency = new Map<string, number>()
  let docCount = 0
  let totalLength = 0
  for (const ctx of contexts) {
    const terms = fieldTerms(ctx, field)
    if (!terms.frequencies.size) continue
    docCount++
    totalLength += terms.length
    for (const term of terms.frequencies.keys()) docFrequency.set(term, (docFrequency.get(term) ?? 0) + 1)
  }
  return { docCount, averageLength: docCount ? totalLength / docCount : 1, docFrequency }
}
