import type { Logger, ProviderSearchQuery, SearchResult } from "@medusajs/framework/types"

/** What a storefront can show when search answers empty because the engine is unreachable. */
export const DEGRADED_SEARCH_MESSAGE = "Search is temporarily unavailable, so no results can be shown. Please try again in a moment."

/** How often each provider may warn that its searches are degraded. */
export const DEGRADED_WARNING_INTERVAL_MS = 60_000

/** Both providers' default page size, so a degraded page looks like the page that was asked for. */
const DEFAULT_TAKE = 20

// Node's socket errors and undici's (fetch, used by the meilisearch client) for a connection that failed or died.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
])
// meilisearch wraps a timed-out fetch as MeiliSearchRequestError { cause: MeiliSearchRequestTimeOutError };
// @opensearch-project/opensearch names its transport failures and keeps no code (only in the message).
const NETWORK_ERRORS = new Set(["MeiliSearchRequestTimeOutError", "ConnectionError", "TimeoutError", "NoLivingConnectionsError", "RequestAbortedError"])
const GATEWAY_STATUSES = new Set([502, 503, 504])
const MAX_DEPTH = 5

type Failure = {
  name?: unknown
  code?: unknown
  message?: unknown
  status?: unknown
  statusCode?: unknown
  meta?: { statusCode?: unknown }
  response?: { status?: unknown }
  cause?: unknown
  errors?: unknown
}

/**
 * Why `error` means the engine could not be reached — a network code, a client's transport error name, or
 * `HTTP 503` — or undefined for any other failure. Follows `cause` chains and AggregateError's `errors`
 * (the meilisearch client nests the socket error two levels down). Never returns a message, which may hold a host.
 */
export function unreachableReason(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > MAX_DEPTH) return undefined
  const failure = error as Failure
  const status = [failure.statusCode, failure.meta?.statusCode, failure.response?.status, failure.status].find((value) => typeof value === "number")
  // Any other status is an answer, e.g. a refused filter: it keeps throwing.
  if (status !== undefined) return GATEWAY_STATUSES.has(status as number) ? `HTTP ${status}` : undefined
  if (typeof failure.code === "string" && NETWORK_CODES.has(failure.code)) return failure.code
  const message = typeof failure.message === "string" ? failure.message : ""
  if (typeof failure.name === "string" && NETWORK_ERRORS.has(failure.name)) {
    const code = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(message)?.[1]
    return code && NETWORK_CODES.has(code) ? `${failure.name} ${code}` : failure.name
  }
  if (/socket hang up/i.test(message)) return "socket hang up"
  const nested = [failure.cause, ...(Array.isArray(failure.errors) ? failure.errors : [])]
  for (const inner of nested) {
    const reason = unreachableReason(inner, depth + 1)
    if (reason) return reason
  }
  return undefined
}

/** Whether `error` is a network-level failure or a 502/503/504 answer, rather than a refused request. */
export const isEngineUnreachable = (error: unknown): boolean => unreachableReason(error) !== undefined

/** The empty answer to `query` while the engine is unreachable, flagged in `provider_metadata`. */
export function degradedSearchResult(query: ProviderSearchQuery): SearchResult {
  const q = (query.q ?? (query.filters?.q as string | undefined))?.trim() || undefined
  return {
    hits: [],
    // As in normal results: facets only when some were asked for.
    ...(query.search_options?.facets?.length ? { facets: {} } : {}),
    metadata: {
      skip: query.pagination?.skip ?? 0,
      take: query.pagination?.take ?? DEFAULT_TAKE,
      count: 0,
      ...(q ? { query: q } : {}),
    },
    provider_metadata: { degraded: true, reason: "engine_unreachable", message: DEGRADED_SEARCH_MESSAGE },
  }
}

/**
 * A warning for `provider` that its searches are degraded, logged at most once per interval. It names the
 * failure's code or status only: messages may hold hosts with credentials, and queries customer input.
 */
export function degradationWarner(
  provider: string,
  logger: Pick<Logger, "warn">,
  { intervalMs = DEGRADED_WARNING_INTERVAL_MS, now = Date.now }: { intervalMs?: number; now?: () => number } = {}
): (error: unknown) => void {
  let warnedAt: number | undefined
  return (error) => {
    const time = now()
    if (warnedAt !== undefined && time - warnedAt < intervalMs) return
    warnedAt = time
    logger.warn(
      `CommerceBridge search: ${provider} cannot reach its engine (${unreachableReason(error) ?? "unknown"}); ` +
        `searches answer empty results flagged as degraded until it is back`
    )
  }
}

/**
 * Runs one search round trip. When the engine is unreachable, warns and answers every query with a degraded
 * result; any other failure is thrown as `mapError` makes it.
 */
export async function searchOrDegrade(
  queries: ProviderSearchQuery[],
  search: () => Promise<SearchResult[]>,
  { warn, mapError }: { warn: (error: unknown) => void; mapError: (error: unknown) => Error }
): Promise<SearchResult[]> {
  try {
    return await search()
  } catch (error) {
    if (!isEngineUnreachable(error)) throw mapError(error)
    warn(error)
    return queries.map(degradedSearchResult)
  }
}
