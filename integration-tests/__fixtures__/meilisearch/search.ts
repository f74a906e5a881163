import { attributeCovers, Doc, leavesAt, pickFields } from "./documents"
import { badRequest } from "./errors"
import { computeFacets, resolveFacets } from "./facets"
import { describeFilterable, isFilterable, matchesFilter } from "./filter"
import type { SearchRequest } from "./params"
import { matchDocument, matchTerms, parseQuery, QueryTerm, removalOrder, searchableFields, wordMatch } from "./query"
import { parseSort, rankingComparator, RankedDocument, rankingScore } from "./ranking"
import type { FixtureIndex, MeiliState } from "./state"
import { tokenize } from "./text"
import { HybridPlan, hybridPlan, mergeHybrid, semanticScore } from "./vectors"

/** One search on one index: filter, match, rank, dedupe, facet, paginate and format, in that order. */
export function searchIndex(state: MeiliState, index: FixtureIndex, request: SearchRequest) {
  const started = Date.now()
  const { settings } = index
  const filter = state.compileFilter(index, request.filter, "invalid_search_filter")
  const sort = parseSort(request.sort, index.uid, settings.sortableAttributes, settings.rankingRules)
  const facets = request.facets ? resolveFacets(request.facets, settings.filterableAttributes) : undefined
  const distinct = request.distinct ?? settings.distinctAttribute ?? undefined
  if (request.distinct && !isFilterable(request.distinct, settings.filterableAttributes)) {
    throw badRequest(
      "invalid_search_distinct",
      `Index \`${index.uid}\`: Attribute \`${request.distinct}\` is not filterable and thus, cannot be used as distinct attribute. ${describeFilterable(settings.filterableAttributes, settings.displayedAttributes)}`
    )
  }
  const fieldOrder = state.fieldOrder(index)
  const searchOn = checkedSearchOn(request.attributesToSearchOn, index, fieldOrder)
  const terms = parseQuery(request.q, settings)
  const hybrid = hybridPlan(request, settings, index.uid)

  const candidates = [...index.documents.values()]
    .map((doc, order) => ({ doc, order }))
    .filter(({ doc }) => !filter || matchesFilter(doc, filter))
  const ranked = rank(candidates, terms, request, index, fieldOrder, searchOn).sort(rankingComparator(settings.rankingRules, sort))
  const attributeCount = settings.searchableAttributes.includes("*") ? fieldOrder.length : settings.searchableAttributes.length
  const scored = ranked
    .map((entry) => ({ ...entry, score: rankingScore(entry.match, terms.length, attributeCount) }))
    .filter((entry) => request.rankingScoreThreshold === undefined || entry.score >= request.rankingScoreThreshold)
  const merged = hybrid ? withSemantic(scored, candidates, terms.length > 0, hybrid, index.primaryKey ?? "id") : scored
  const hits = distinct ? dedupe(merged, distinct) : merged

  const pageRequested = request.page !== undefined || request.hitsPerPage !== undefined
  const reachable = Math.min(hits.length, settings.pagination.maxTotalHits)
  const hitsPerPage = request.hitsPerPage ?? 20
  const page = request.page ?? 1
  const offset = pageRequested ? Math.max(page - 1, 0) * hitsPerPage : request.offset ?? 0
  const limit = pageRequested ? (page === 0 ? 0 : hitsPerPage) : request.limit ?? 20
  const pageOfHits = hits.slice(Math.min(offset, reachable), Math.min(offset + limit, reachable))

  const response: Record<string, unknown> = {
    hits: pageOfHits.map((hit) => formatHit(hit.doc, hit.score, request, index, terms, hybrid ? (hit as Semantic).semanticScore : undefined)),
    ...(hybrid ? { semanticHitCount: pageOfHits.filter((hit) => (hit as Semantic).fromSemantic).length } : {}),
    query: request.q,
    processingTimeMs: Date.now() - started,
    ...(pageRequested
      ? { hitsPerPage, page, totalPages: hitsPerPage ? Math.ceil(reachable / hitsPerPage) : 0, totalHits: reachable }
      : { limit, offset, estimatedTotalHits: reachable }),
  }
  if (facets) Object.assign(response, computeFacets(merged.map((entry) => entry.doc), facets, settings.faceting))
  return response
}

type Scored = RankedDocument & { score: number }
type Semantic = Scored & { fromSemantic?: boolean; semanticScore?: number }

/** Hybrid search: the keyword list (none for an empty `q`) merged with every filtered document that has a vector. */
function withSemantic(keyword: Scored[], candidates: { doc: Doc; order: number }[], hasQuery: boolean, plan: HybridPlan, primaryKey: string): Semantic[] {
  const semantic = plan.semanticRatio > 0
    ? candidates.flatMap((candidate) => {
        const score = semanticScore(candidate.doc, plan)
        return score === undefined ? [] : [{ ...candidate, match: null, score }]
      })
    : []
  const merged = mergeHybrid(hasQuery ? keyword : [], semantic, plan, (doc) => String(doc[primaryKey]))
  return merged.map(({ entry, semantic: fromSemantic, semanticScore: value }) => ({ ...entry, fromSemantic, semanticScore: value }))
}

function rank(
  candidates: { doc: Doc; order: number }[],
  terms: QueryTerm[],
  request: SearchRequest,
  index: FixtureIndex,
  fieldOrder: string[],
  searchOn: string[] | undefined
): RankedDocument[] {
  if (terms.length === 0) return candidates.map((candidate) => ({ ...candidate, match: null }))
  const matched = candidates.map((candidate) => ({
    ...candidate,
    matches: matchTerms(terms, searchableFields(candidate.doc, index.settings, fieldOrder, searchOn)),
  }))
  const frequency = (term: QueryTerm) => matched.filter((entry) => entry.matches[terms.indexOf(term)]).length
  const removal = removalOrder(terms, request.matchingStrategy, frequency)
  return matched.flatMap(({ doc, order, matches }) => {
    const match = matchDocument(terms, matches, removal)
    return match ? [{ doc, order, match }] : []
  })
}

function checkedSearchOn(searchOn: string[] | undefined, index: FixtureIndex, fieldOrder: string[]): string[] | undefined {
  if (!searchOn || (searchOn.includes("*") && searchOn.length === 1)) return undefined
  const searchable = index.settings.searchableAttributes
  const known = searchable.includes("*") ? fieldOrder : searchable
  const unknown = searchOn.find((attribute) => attribute !== "*" && !known.some((field) => attributeCovers(field, attribute)))
  if (unknown) {
    throw badRequest(
      "invalid_search_attributes_to_search_on",
      `Index \`${index.uid}\`: Attribute \`${unknown}\` is not searchable. Available searchable attributes are: \`${known.join(", ")}\`.`
    )
  }
  return searchOn.filter((attribute) => attribute !== "*")
}

/** Keeps the best-ranked document per value of the distinct attribute; documents without one are all kept. */
function dedupe<T extends { doc: Doc }>(hits: T[], attribute: string): T[] {
  const seen = new Set<string>()
  return hits.filter(({ doc }) => {
    const values = leavesAt(doc, attribute).map((value) => String(value).toLowerCase())
    if (values.length === 0) return true
    if (values.some((value) => seen.has(value))) return false
    values.forEach((value) => seen.add(value))
    return true
  })
}

function formatHit(doc: Doc, score: number, request: SearchRequest, index: FixtureIndex, terms: QueryTerm[], semantic?: number) {
  const displayed = index.settings.displayedAttributes
  const retrieve = request.attributesToRetrieve ?? ["*"]
  const fields = displayed.includes("*")
    ? retrieve
    : retrieve.includes("*")
      ? displayed
      : retrieve.filter((field) => displayed.some((shown) => attributeCovers(shown, field)))
  const hit: Record<string, unknown> = pickFields(doc, fields)
  // Vectors come back only when asked for (`retrieveVectors`), and never among the displayed attributes.
  delete hit._vectors
  if (request.retrieveVectors && doc._vectors !== undefined) hit._vectors = structuredClone(doc._vectors)
  if (request.attributesToHighlight?.length) {
    const highlighted = request.attributesToHighlight
    hit._formatted = Object.fromEntries(
      Object.entries(hit).map(([field, value]) => {
        const wanted = highlighted.some((attribute) => attributeCovers(attribute, field))
        return [field, wanted ? highlight(value, terms, request) : structuredClone(value)]
      })
    )
  }
  if (request.showRankingScore) hit._rankingScore = score
  if (semantic !== undefined) hit._semanticScore = semantic
  return hit
}

/** Highlighted attributes show their numbers as strings in `_formatted`. */
function highlight(value: unknown, terms: QueryTerm[], request: SearchRequest): unknown {
  if (typeof value === "string" || typeof value === "number") {
    return highlightText(String(value), terms, request.highlightPreTag, request.highlightPostTag)
  }
  if (Array.isArray(value)) return value.map((element) => highlight(element, terms, request))
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, highlight(inner, terms, request)]))
  }
  return value
}

/** Wraps matched words (only the typed part of a prefix match) in the highlight tags. */
function highlightText(text: string, terms: QueryTerm[], pre: string, post: string): string {
  let result = text
  for (const token of tokenize(text).reverse()) {
    const length = highlightLength(token.word, terms)
    if (!length) continue
    const end = token.start + Math.min(length, token.end - token.start)
    result = `${result.slice(0, token.start)}${pre}${result.slice(token.start, end)}${post}${result.slice(end)}`
  }
  return result
}

function highlightLength(word: string, terms: QueryTerm[]): number {
  for (const term of terms) {
    if (term.phrase) {
      if (term.words.includes(word)) return word.length
      continue
    }
    if (term.synonyms.some((synonym) => synonym.includes(word))) return word.length
    const match = wordMatch(term, word)
    if (!match) continue
    return term.prefix && !match.exact && match.typos === 0 ? term.words[0].length : word.length
  }
  return 0
}
