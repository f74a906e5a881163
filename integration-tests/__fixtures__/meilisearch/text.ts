/** Tokenising and typo arithmetic, following Meilisearch's defaults. */

export interface WordToken {
  /** Lowercased, diacritics removed. */
  word: string
  /** Offsets in the original text. */
  start: number
  end: number
}

export const normalizeWord = (word: string) =>
  word.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase()

/** Words are runs of letters and digits; everything else separates them (so `t-shirt` is `t` + `shirt`). */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = []
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push({ word: normalizeWord(match[0]), start: match.index!, end: match.index! + match[0].length })
  }
  return tokens
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** Meilisearch counts a typo on the first letter twice (its derivations keep the first letter for one-typo words). */
export function typoCost(query: string, word: string): number {
  return editDistance(query, word) + (query[0] === word[0] ? 0 : 1)
}

/** Cost of `word` starting with `query` give or take `budget` typos (the last query word is a prefix). */
export function prefixTypoCost(query: string, word: string, budget: number): number {
  let best = Infinity
  const shortest = Math.max(1, query.length - budget)
  const longest = Math.min(word.length, query.length + budget)
  for (let length = shortest; length <= longest; length++) {
    best = Math.min(best, typoCost(query, word.slice(0, length)))
  }
  return best
}

export interface TypoToleranceSettings {
  enabled?: boolean
  minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number }
  disableOnWords?: string[]
  disableOnAttributes?: string[]
  disableOnNumbers?: boolean
}

/** How many typos a query word may carry: none under `oneTypo` letters, one, or two from `twoTypos` letters. */
export function typoBudget(word: string, typo: TypoToleranceSettings): number {
  if (typo.enabled === false) return 0
  if ((typo.disableOnWords ?? []).some((disabled) => normalizeWord(disabled) === word)) return 0
  if (typo.disableOnNumbers && /^\p{N}+$/u.test(word)) return 0
  const length = [...word].length
  if (length >= (typo.minWordSizeForTypos?.twoTypos ?? 9)) return 2
  if (length >= (typo.minWordSizeForTypos?.oneTypo ?? 5)) return 1
  return 0
}
