import { attributeCovers, Doc, leavesAt } from "./documents"
import { badRequest } from "./errors"
import type { DocumentMatch } from "./query"

/** The ranking rules (words, typo, proximity, attribute, sort, exactness, custom `field:asc`) and the `sort` parameter. */

export interface SortCriterion {
  field: string
  direction: "asc" | "desc"
}

export interface RankedDocument {
  doc: Doc
  /** Insertion order, the final tie-break. */
  order: number
  /** Null for a placeholder search (empty `q`). */
  match: DocumentMatch | null
}

const RESERVED_SORT = new Set(["_geo", "_geoDistance", "_geoRadius", "_geoBoundingBox"])

export function parseSort(sort: string[] | undefined, indexUid: string, sortable: string[], rankingRules: string[]): SortCriterion[] {
  if (!sort?.length) return []
  const criteria = sort.map((expression): SortCriterion => {
    const match = /^(.+):(asc|desc)$/.exec(expression.trim())
    if (!match) {
      throw badRequest(
        "invalid_search_sort",
        `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${expression}\`.`
      )
    }
    const field = match[1]
    if (field === "_geo") {
      throw badRequest(
        "invalid_search_sort",
        "`_geo` is a reserved keyword and thus can't be used as a sort expression. Use the _geoPoint(latitude, longitude) built-in rule to sort on _geo field coordinates."
      )
    }
    if (RESERVED_SORT.has(field)) {
      throw badRequest("invalid_search_sort", `\`${field}\` is a reserved keyword and thus can't be used as a sort expression.`)
    }
    if (!sortable.some((attribute) => attributeCovers(attribute, field))) {
      const available = sortable.length
        ? `Available sortable attributes are: \`${[...sortable].sort().join(", ")}\`.`
        : "This index does not have configured sortable attributes."
      throw badRequest("invalid_search_sort", `Index \`${indexUid}\`: Attribute \`${field}\` is not sortable. ${available}`)
    }
    return { field, direction: match[2] as "asc" | "desc" }
  })
  if (!rankingRules.includes("sort")) {
    throw badRequest(
      "invalid_search_sort",
      `Index \`${indexUid}\`: You must specify where \`sort\` is listed in the rankingRules setting to use the sort parameter at search time.`
    )
  }
  return criteria
}

type SortKey = { numeric: boolean; value: number | string } | null

/** asc uses a document's lowest value, desc its highest; numbers come before strings; documents without a value come last. */
function sortKey(doc: Doc, field: string, direction: "asc" | "desc"): SortKey {
  const leaves = leavesAt(doc, field)
  const numbers = leaves.filter((leaf): leaf is number => typeof leaf === "number")
  const strings = leaves.filter((leaf) => typeof leaf !== "number").map((leaf) => String(leaf).toLowerCase())
  if (direction === "asc") {
    if (numbers.length) return { numeric: true, value: Math.min(...numbers) }
    return strings.length ? { numeric: false, value: strings.sort()[0] } : null
  }
  if (strings.length) return { numeric: false, value: strings.sort().at(-1)! }
  return numbers.length ? { numeric: true, value: Math.max(...numbers) } : null
}

export function compareBySort(a: Doc, b: Doc, { field, direction }: SortCriterion): number {
  const [left, right] = [sortKey(a, field, direction), sortKey(b, field, direction)]
  if (!left || !right) return Number(!left) - Number(!right)
  const ascending =
    left.numeric !== right.numeric ? (left.numeric ? -1 : 1) : left.value < right.value ? -1 : left.value > right.value ? 1 : 0
  return direction === "asc" ? ascending : -ascending
}

/** Applies the index's ranking rules in order; `sort` only orders documents the earlier rules consider equal. */
export function rankingComparator(rankingRules: string[], sort: SortCriterion[]) {
  const rules = rankingRules.map((rule) => ruleComparator(rule, sort))
  return (a: RankedDocument, b: RankedDocument) => {
    for (const rule of rules) {
      const order = rule(a, b)
      if (order !== 0) return order
    }
    return a.order - b.order
  }
}

type Comparator = (a: RankedDocument, b: RankedDocument) => number

function ruleComparator(rule: string, sort: SortCriterion[]): Comparator {
  const byMatch = (compare: (a: DocumentMatch, b: DocumentMatch) => number): Comparator => (a, b) =>
    a.match && b.match ? compare(a.match, b.match) : 0
  switch (rule) {
    case "words":
      return byMatch((a, b) => b.matchedWords - a.matchedWords)
    case "typo":
      return byMatch((a, b) => a.typos - b.typos)
    case "proximity":
      return byMatch((a, b) => a.proximity - b.proximity)
    case "attribute":
      return byMatch((a, b) => a.attributeRank - b.attributeRank || a.wordPosition - b.wordPosition)
    case "attributeRank":
      return byMatch((a, b) => a.attributeRank - b.attributeRank)
    case "wordPosition":
      return byMatch((a, b) => a.wordPosition - b.wordPosition)
    case "exactness":
      return byMatch((a, b) => b.exactWords - a.exactWords)
    case "sort":
      return (a, b) => {
        for (const criterion of sort) {
          const order = compareBySort(a.doc, b.doc, criterion)
          if (order !== 0) return order
        }
        return 0
      }
    default: {
      const [, field, direction] = /^(.+):(asc|desc)$/.exec(rule) ?? []
      return field ? (a, b) => compareBySort(a.doc, b.doc, { field, direction: direction as "asc" | "desc" }) : () => 0
    }
  }
}

/** A relevancy score in [0, 1]: share of query words matched, lowered by typos and distance to the first attribute. */
export function rankingScore(match: DocumentMatch | null, termCount: number, attributeCount: number): number {
  if (!match || termCount === 0) return 1
  const words = match.matchedWords / termCount
  const typos = 1 - match.typos / (2 * termCount + 1)
  const attribute = 1 - match.attributeRank / (10 * Math.max(attributeCount, 1))
  return Math.round(words * typos * attribute * 1e6) / 1e6
}
