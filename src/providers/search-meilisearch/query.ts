import type { ProviderSearchQuery, SearchFacetRequest, SearchFacetResult, SearchHighlightOptions, SearchResult } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { QueryVector } from "../../search-embeddings/provider-vectors"
import { fromEngineDocument } from "./documents"
import { compileMeilisearchFilter } from "./filters"
import { embedderName } from "./settings"

type Params = Record<string, unknown>
type Response = { hits: Record<string, any>[]; estimatedTotalHits?: number; totalHits?: number; processingTimeMs?: number; facetDistribution?: Record<string, Record<string, number>>; facetStats?: Record<string, { min: number; max: number }> }

/** An extra query answered in the same multi-search: an exact count for a range or stats facet, or the total. */
type Probe = { kind: "total" } | { kind: "range"; field: string; key: string; from?: number | string; to?: number | string } | { kind: "stats"; field: string }

export interface PlannedSearch {
  queries: Params[]
  probes: Probe[]
}

const DEFAULT_TAKE = 20
const DEFAULT_FACET_VALUES = 100
/**
 * Meilisearch always matches the last term as a prefix, which is Medusa's "last" (typeahead); its own
 * "last" and "frequency" strategies drop terms until something matches, which no Medusa strategy means.
 */
const MATCHING: Record<string, string> = { all: "all", last: "all" }

const and = (...parts: string[]) => parts.filter(Boolean).map((part) => `(${part})`).join(" AND ")
const asFacet = (request: string | SearchFacetRequest): SearchFacetRequest => (typeof request === "string" ? { field: request } : request)
const bound = (value: number | string, dates: string[], field: string) =>
  dates.includes(field) && typeof value === "string" ? Date.parse(value) : value

const exactTerms = (text: string) =>
  text
    .split(/\s+/)
    .map((term) => term.replace(/"/g, ""))
    .filter(Boolean)
    .map((term) => `"${term}"`)
    .join(" ")

/** The Meilisearch queries one Medusa search needs: the search itself, then exact-count probes. */
export function planSearch(input: ProviderSearchQuery, indexUid: string, dates: string[], semantic?: QueryVector): PlannedSearch {
  const options = input.search_options ?? {}
  const strategy = options.match_strategy ?? "all"
  if (!MATCHING[strategy]) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Meilisearch cannot match any single term of a query (match_strategy "${strategy}")`)
  }
  const text = (input.q ?? input.filters?.q)?.trim() || undefined
  // No per-search typo switch exists: each term quoted is a phrase of one word, matched exactly.
  const q = text && options.typo_tolerance === false ? exactTerms(text) : text
  const filter = compileMeilisearchFilter(input.filters)
  const facets = (options.facets ?? []).map(asFacet)
  const valueFacets = facets.filter((facet) => (facet.type ?? "value") !== "range")
  const highlight = options.highlight
  const main: Params = {
    indexUid,
    q,
    offset: input.pagination?.skip ?? 0,
    limit: input.pagination?.take ?? DEFAULT_TAKE,
    ...(filter ? { filter } : {}),
    ...sortOf(input.pagination?.order),
    ...(input.attributes_to_retrieve?.length ? { attributesToRetrieve: input.attributes_to_retrieve } : {}),
    ...(valueFacets.length ? { facets: valueFacets.map((facet) => facet.field) } : {}),
    ...(options.attributes_to_search_on ? { attributesToSearchOn: options.attributes_to_search_on } : {}),
    matchingStrategy: MATCHING[strategy],
    ...(options.include_score || options.min_score !== undefined ? { showRankingScore: true } : {}),
    ...(options.min_score !== undefined ? { rankingScoreThreshold: options.min_score } : {}),
    ...(options.distinct ? { distinct: options.distinct } : {}),
    ...(options.locales?.length ? { locales: options.locales } : {}),
    ...(highlight ? highlightParams(highlight) : {}),
    // Hybrid: keyword and vector results merged, weighted by the semantic ratio.
    ...(semantic ? { hybrid: { embedder: embedderName(semantic.field.path), semanticRatio: semantic.semanticRatio }, vector: semantic.vector } : {}),
    ...(options.provider_options?.meilisearch ?? {}),
  }
  const probes: Probe[] = [
    ...(options.count === "exact" ? [{ kind: "total" as const }] : []),
    ...facets.flatMap((facet): Probe[] =>
      facet.type === "range"
        ? facet.ranges.map((range) => ({ kind: "range" as const, field: facet.field, key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`, from: range.from, to: range.to }))
        : facet.type === "stats"
          ? [{ kind: "stats" as const, field: facet.field }]
          : []
    ),
  ]
  const probeQuery = (extra: string): Params => ({ indexUid, q, filter: and(filter, extra), page: 1, hitsPerPage: 0 })
  const queries = [
    main,
    ...probes.map((probe) =>
      probe.kind === "total"
        ? probeQuery("")
        : probe.kind === "stats"
          ? probeQuery(`${probe.field} EXISTS`)
          : probeQuery(
              [
                probe.from !== undefined ? `${probe.field} >= ${bound(probe.from, dates, probe.field)}` : "",
                probe.to !== undefined ? `${probe.field} < ${bound(probe.to, dates, probe.field)}` : "",
              ]
                .filter(Boolean)
                .join(" AND ")
            )
    ),
  ]
  return { queries, probes }
}

function sortOf(order: Record<string, "ASC" | "DESC"> | undefined): Params {
  const sort = Object.entries(order ?? {})
    .filter(([field]) => field !== "_score")
    .map(([field, direction]) => `${field}:${direction.toLowerCase()}`)
  return sort.length ? { sort } : {}
}

function highlightParams(highlight: true | SearchHighlightOptions): Params {
  if (highlight === true) return { attributesToHighlight: ["*"] }
  return {
    attributesToHighlight: highlight.fields,
    ...(highlight.pre_tag ? { highlightPreTag: highlight.pre_tag } : {}),
    ...(highlight.post_tag ? { highlightPostTag: highlight.post_tag } : {}),
    ...(highlight.snippet ? { attributesToCrop: highlight.fields, cropLength: typeof highlight.snippet === "object" ? highlight.snippet.length : 10 } : {}),
  }
}

/** Meilisearch's answers to one planned search, as Medusa's search result. */
export function toSearchResult(input: ProviderSearchQuery, plan: PlannedSearch, responses: Response[], dates: string[]): SearchResult {
  const [main, ...probeAnswers] = responses
  const options = input.search_options ?? {}
  const preTag = typeof options.highlight === "object" ? options.highlight.pre_tag ?? "<em>" : "<em>"
  const exact = plan.probes.findIndex((probe) => probe.kind === "total")
  const count = options.count === "none" ? null : exact >= 0 ? probeAnswers[exact].totalHits ?? 0 : main.totalHits ?? main.estimatedTotalHits ?? main.hits.length
  return {
    hits: main.hits.map(({ _formatted, _rankingScore, _semanticScore, _vectors, ...document }) => ({
      id: String(document[input.index.primary_key]),
      ...(options.include_score ? { score: _rankingScore } : {}),
      document: fromEngineDocument(document, dates),
      ...(options.highlight && _formatted ? { highlights: highlightsOf(_formatted, preTag) } : {}),
    })),
    ...(options.facets?.length ? { facets: facetsOf(options.facets.map(asFacet), main, plan.probes, probeAnswers) } : {}),
    metadata: {
      skip: input.pagination?.skip ?? 0,
      take: input.pagination?.take ?? DEFAULT_TAKE,
      count,
      ...(input.q ? { query: input.q } : {}),
      processing_time_ms: main.processingTimeMs,
    },
  }
}

function facetsOf(requests: SearchFacetRequest[], main: Response, probes: Probe[], answers: Response[]): Record<string, SearchFacetResult> {
  const result: Record<string, SearchFacetResult> = {}
  const answered = (kind: Probe["kind"], field: string) =>
    probes.map((probe, i) => ({ probe, answer: answers[i] })).filter(({ probe }) => probe.kind === kind && "field" in probe && probe.field === field)
  for (const request of requests) {
    if (request.type === "range") {
      result[request.field] = {
        type: "range",
        ranges: answered("range", request.field).map(({ probe, answer }) => {
          const range = probe as Extract<Probe, { kind: "range" }>
          return { key: range.key, from: range.from, to: range.to, count: answer.totalHits ?? 0 }
        }),
      }
    } else if (request.type === "stats") {
      const stats = main.facetStats?.[request.field]
      const [{ answer }] = answered("stats", request.field)
      result[request.field] = { type: "stats", min: stats?.min ?? 0, max: stats?.max ?? 0, count: answer.totalHits ?? 0 }
    } else {
      const entries = Object.entries(main.facetDistribution?.[request.field] ?? {}).map(([value, count]) => ({ value, count }))
      entries.sort((a, b) => (request.sort === "alpha" ? a.value.localeCompare(b.value) : b.count - a.count || a.value.localeCompare(b.value)))
      const limit = request.limit ?? DEFAULT_FACET_VALUES
      const rest = entries.slice(limit)
      result[request.field] = { type: "value", values: entries.slice(0, limit), ...(rest.length ? { other_count: rest.reduce((sum, entry) => sum + entry.count, 0) } : {}) }
    }
  }
  return result
}

/** The fragments of each highlighted field that contain a match. */
function highlightsOf(formatted: Record<string, unknown>, preTag: string): Record<string, string[]> {
  const highlights: Record<string, string[]> = {}
  const visit = (value: unknown, path: string) => {
    if (typeof value === "string" && value.includes(preTag)) (highlights[path] ??= []).push(value)
    else if (Array.isArray(value)) value.forEach((entry) => visit(entry, path))
    else if (value && typeof value === "object") Object.entries(value).forEach(([key, entry]) => visit(entry, path ? `${path}.${key}` : key))
  }
  visit(formatted, "")
  return highlights
}
