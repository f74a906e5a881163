import { badRequest, invalidType } from "./errors"
import type { MatchingStrategy } from "./query"

/** Search parameters from a POST body or a GET query string, validated with Meilisearch's error codes and wording. */

export interface SearchRequest {
  q: string
  offset?: number
  limit?: number
  page?: number
  hitsPerPage?: number
  filter?: unknown
  sort?: string[]
  facets?: string[]
  attributesToRetrieve?: string[]
  attributesToHighlight?: string[]
  attributesToSearchOn?: string[]
  highlightPreTag: string
  highlightPostTag: string
  showRankingScore: boolean
  matchingStrategy: MatchingStrategy
  distinct?: string
  rankingScoreThreshold?: number
  /** `{ embedder, semanticRatio }` and the query's embedding (see vectors.ts). */
  hybrid?: unknown
  vector?: unknown
  retrieveVectors?: boolean
}

const INTEGERS = ["offset", "limit", "page", "hitsPerPage", "cropLength"]
const BOOLEANS = ["showRankingScore", "showRankingScoreDetails", "showMatchesPosition", "retrieveVectors"]
const STRING_LISTS = ["sort", "facets", "attributesToRetrieve", "attributesToHighlight", "attributesToCrop", "attributesToSearchOn"]
const STRINGS = ["q", "distinct", "highlightPreTag", "highlightPostTag", "cropMarker", "matchingStrategy"]
const ACCEPTED_AS_IS = ["filter", "vector", "hybrid", "locales", "media", "rankingScoreThreshold"]
export const SEARCH_FIELDS = [...STRINGS, ...INTEGERS, ...BOOLEANS, ...STRING_LISTS, ...ACCEPTED_AS_IS]
const STRATEGIES = ["last", "all", "frequency"]

const codeFor = (field: string) => `invalid_search_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`

/** `extraFields` are accepted besides search parameters (multi-search's `indexUid`, `federationOptions`). */
export function searchRequestFromBody(body: unknown, extraFields: string[] = []): SearchRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw invalidType("bad_request", "", "an object", body)
  const fields = body as Record<string, unknown>
  for (const [field, value] of Object.entries(fields)) {
    if (extraFields.includes(field)) continue
    if (!SEARCH_FIELDS.includes(field)) {
      throw badRequest("bad_request", `Unknown field \`${field}\`: expected one of ${SEARCH_FIELDS.map((known) => `\`${known}\``).join(", ")}`)
    }
    if (value === null) continue
    if (INTEGERS.includes(field) && !(Number.isInteger(value) && (value as number) >= 0)) {
      throw invalidType(codeFor(field), field, "a positive integer", value)
    }
    if (BOOLEANS.includes(field) && typeof value !== "boolean") throw invalidType(codeFor(field), field, "a boolean", value)
    if (STRINGS.includes(field) && typeof value !== "string") throw invalidType(codeFor(field), field, "a string", value)
    if (STRING_LISTS.includes(field) && !Array.isArray(value)) throw invalidType(codeFor(field), field, "an array", value)
  }
  if (fields.rankingScoreThreshold != null) {
    const threshold = fields.rankingScoreThreshold
    if (typeof threshold !== "number") throw invalidType(codeFor("rankingScoreThreshold"), "rankingScoreThreshold", "a number", threshold)
    if (threshold < 0 || threshold > 1) {
      throw badRequest(
        codeFor("rankingScoreThreshold"),
        "Invalid value at `.rankingScoreThreshold`: the value of `rankingScoreThreshold` is invalid, expected a float between `0.0` and `1.0`."
      )
    }
  }
  if (fields.filter != null && typeof fields.filter !== "string" && !Array.isArray(fields.filter)) {
    throw badRequest("invalid_search_filter", `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(fields.filter)}\`.`)
  }
  const strategy = (fields.matchingStrategy as string | null) ?? "last"
  if (!STRATEGIES.includes(strategy)) {
    throw badRequest(
      codeFor("matchingStrategy"),
      `Unknown value \`${strategy}\` at \`.matchingStrategy\`: expected one of ${STRATEGIES.map((known) => `\`${known}\``).join(", ")}`
    )
  }
  const optional = <T>(field: string) => (fields[field] ?? undefined) as T | undefined
  return {
    q: optional<string>("q") ?? "",
    offset: optional("offset"),
    limit: optional("limit"),
    page: optional("page"),
    hitsPerPage: optional("hitsPerPage"),
    filter: optional("filter"),
    sort: optional("sort"),
    facets: optional("facets"),
    attributesToRetrieve: optional("attributesToRetrieve"),
    attributesToHighlight: optional("attributesToHighlight"),
    attributesToSearchOn: optional("attributesToSearchOn"),
    highlightPreTag: optional<string>("highlightPreTag") ?? "<em>",
    highlightPostTag: optional<string>("highlightPostTag") ?? "</em>",
    showRankingScore: optional<boolean>("showRankingScore") ?? false,
    matchingStrategy: strategy as MatchingStrategy,
    distinct: optional("distinct"),
    rankingScoreThreshold: optional("rankingScoreThreshold"),
    hybrid: optional("hybrid"),
    vector: optional("vector"),
    retrieveVectors: optional("retrieveVectors"),
  }
}

/** The GET variant: lists are comma-separated, numbers and booleans are parsed from text. */
export function searchRequestFromQuery(query: URLSearchParams): SearchRequest {
  const body: Record<string, unknown> = {}
  for (const [field, text] of query) {
    if (INTEGERS.includes(field)) {
      if (!/^\d+$/.test(text)) throw badRequest(codeFor(field), `Invalid value in parameter \`${field}\`: could not parse \`${text}\` as a positive integer`)
      body[field] = Number(text)
    } else if (BOOLEANS.includes(field)) {
      if (text !== "true" && text !== "false") {
        throw badRequest(
          codeFor(field),
          `Invalid value in parameter \`${field}\`: could not parse \`${text}\` as a boolean, expected either \`true\` or \`false\``
        )
      }
      body[field] = text === "true"
    } else if (STRING_LISTS.includes(field)) {
      body[field] = text.split(",").map((item) => item.trim()).filter(Boolean)
    } else if (field === "rankingScoreThreshold") {
      body[field] = Number(text)
    } else if (field === "matchingStrategy" && !STRATEGIES.includes(text)) {
      throw badRequest(
        codeFor(field),
        `Unknown value \`${text}\` for parameter \`matchingStrategy\`: expected one of ${STRATEGIES.map((known) => `\`${known}\``).join(", ")}`
      )
    } else {
      body[field] = text
    }
  }
  return searchRequestFromBody(body)
}
