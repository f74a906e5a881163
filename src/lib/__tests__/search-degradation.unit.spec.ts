import type { ProviderSearchQuery } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { errors as openSearchErrors } from "@opensearch-project/opensearch"
import { sampleProductIndex } from "../../../integration-tests/__fixtures__/search-products"
import {
  DEGRADED_SEARCH_MESSAGE,
  degradationWarner,
  degradedSearchResult,
  isEngineUnreachable,
  searchOrDegrade,
  unreachableReason,
} from "../search-degradation"

// The CommonJS build of the client the provider uses (its types describe the ES module build only).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const meili = require("meilisearch")

const URL_WITH_KEY = "http://admin:url-secret-1@search.internal:7700/multi-search"
const socketError = (code: string, message = `connect ${code} 10.0.0.7:7700`) => Object.assign(new Error(message), { code })
const fetchFailed = (cause: unknown) => new meili.MeiliSearchRequestError(URL_WITH_KEY, new TypeError("fetch failed", { cause }))
const meiliAnswer = (status: number, body: object) => new meili.MeiliSearchApiError(new Response(null, { status }), body)
const openSearchAnswer = (statusCode: number, body: unknown) => new openSearchErrors.ResponseError({ statusCode, body, headers: {}, meta: {} as any, warnings: null })
const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({ index: sampleProductIndex("product_v1"), attributes_to_retrieve: [], ...overrides })

describe("isEngineUnreachable", () => {
  it.each([
    ["a refused connection", socketError("ECONNREFUSED")],
    ["a reset connection", socketError("ECONNRESET", "read ECONNRESET")],
    ["an unknown host", socketError("ENOTFOUND", "getaddrinfo ENOTFOUND search.internal")],
    ["a DNS failure", socketError("EAI_AGAIN", "getaddrinfo EAI_AGAIN search.internal")],
    ["a connect timeout", socketError("ETIMEDOUT")],
    ["a socket hang up without a code", new Error("socket hang up")],
    ["every address refused (AggregateError)", new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")])],
    ["meilisearch: fetch refused", fetchFailed(socketError("ECONNREFUSED"))],
    ["meilisearch: socket closed by the other side", fetchFailed(Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }))],
    ["meilisearch: request timeout", new meili.MeiliSearchRequestError(URL_WITH_KEY, new meili.MeiliSearchRequestTimeOutError(100, {}))],
    ["meilisearch: 502", meiliAnswer(502, { message: "bad gateway" })],
    ["meilisearch: 503", meiliAnswer(503, { message: "unavailable", code: "internal" })],
    ["meilisearch: 504", meiliAnswer(504, { message: "gateway timeout" })],
    ["opensearch: ConnectionError", new openSearchErrors.ConnectionError("connect ECONNREFUSED 10.0.0.7:9200", { statusCode: null } as any)],
    ["opensearch: socket hang up", new openSearchErrors.ConnectionError("socket hang up", {} as any)],
    ["opensearch: TimeoutError", new openSearchErrors.TimeoutError("Request timed out", {} as any)],
    ["opensearch: NoLivingConnectionsError", new openSearchErrors.NoLivingConnectionsError("no node", {} as any)],
    ["opensearch: RequestAbortedError", new openSearchErrors.RequestAbortedError("Request aborted", {} as any)],
    ["opensearch: 502 from a proxy", openSearchAnswer(502, "<html>502 Bad Gateway</html>")],
    ["opensearch: 503", openSearchAnswer(503, { error: { type: "cluster_block_exception" }, status: 503 })],
    ["opensearch: 504", openSearchAnswer(504, "")],
    ["opensearch: an _msearch entry answered 503", { error: { type: "search_phase_execution_exception", reason: "all shards failed" }, status: 503 }],
  ])("is true for %s", (_label, error) => {
    expect(isEngineUnreachable(error)).toBe(true)
  })

  it.each([
    ["meilisearch: bad filter", meiliAnswer(400, { message: "bad filter", code: "invalid_search_filter" })],
    ["meilisearch: missing index", meiliAnswer(404, { message: "missing", code: "index_not_found" })],
    ["meilisearch: wrong key", meiliAnswer(403, { message: "The provided API key is invalid.", code: "invalid_api_key" })],
    ["meilisearch: 500", meiliAnswer(500, { message: "internal", code: "internal" })],
    ["meilisearch: a fetch failure that is no network failure", new meili.MeiliSearchRequestError(URL_WITH_KEY, new TypeError("Invalid URL"))],
    ["opensearch: bad query", openSearchAnswer(400, { error: { type: "search_phase_execution_exception" }, status: 400 })],
    ["opensearch: missing index", openSearchAnswer(404, { error: { type: "index_not_found_exception" }, status: 404 })],
    ["opensearch: throttled", openSearchAnswer(429, { error: { type: "rejected_execution_exception" }, status: 429 })],
    ["opensearch: wrong password", openSearchAnswer(401, "Unauthorized")],
    ["opensearch: an _msearch entry answered 400", { error: { type: "query_shard_exception" }, status: 400 }],
    ["a 400 whose cause looks like a network failure", Object.assign(new Error("bad"), { status: 400, cause: socketError("ECONNRESET") })],
    ["a MedusaError", new MedusaError(MedusaError.Types.INVALID_DATA, "bad filter")],
    ["a programming error", new TypeError("Cannot read properties of undefined")],
    ["a non-JSON body (the meilisearch client parses before checking the status)", new SyntaxError("Unexpected token '<'")],
    ["nothing", undefined],
    ["a string", "ECONNREFUSED"],
  ])("is false for %s", (_label, error) => {
    expect(isEngineUnreachable(error)).toBe(false)
  })
})

describe("unreachableReason", () => {
  it("names the code, the transport error or the status, never the message", () => {
    expect(unreachableReason(fetchFailed(socketError("ECONNREFUSED")))).toBe("ECONNREFUSED")
    expect(unreachableReason(new openSearchErrors.ConnectionError("connect ECONNREFUSED 10.0.0.7:9200", {} as any))).toBe("ConnectionError ECONNREFUSED")
    expect(unreachableReason(new openSearchErrors.TimeoutError("Request timed out", {} as any))).toBe("TimeoutError")
    expect(unreachableReason(meiliAnswer(503, { message: "unavailable" }))).toBe("HTTP 503")
    expect(unreachableReason(new Error("bad"))).toBeUndefined()
  })

  it("stops at a cause cycle", () => {
    const error: any = new Error("loop")
    error.cause = error
    expect(unreachableReason(error)).toBeUndefined()
  })
})

describe("degradedSearchResult", () => {
  it("answers the query empty, on the page asked for, flagged with a friendly message", () => {
    expect(degradedSearchResult(query({ q: " linen ", pagination: { skip: 40, take: 10 } }))).toEqual({
      hits: [],
      metadata: { skip: 40, take: 10, count: 0, query: "linen" },
      provider_metadata: { degraded: true, reason: "engine_unreachable", message: DEGRADED_SEARCH_MESSAGE },
    })
    expect(DEGRADED_SEARCH_MESSAGE).toBe("Search is temporarily unavailable, so no results can be shown. Please try again in a moment.")
  })

  it("uses the default page, the text from the filters, and empty facets only when facets were asked for", () => {
    const result = degradedSearchResult(query({ filters: { q: "wool" }, search_options: { facets: ["categories"] } }))
    expect(result).toMatchObject({ hits: [], facets: {}, metadata: { skip: 0, take: 20, count: 0, query: "wool" } })
    const plain = degradedSearchResult(query())
    expect(plain).not.toHaveProperty("facets")
    expect(plain.metadata).toEqual({ skip: 0, take: 20, count: 0 })
  })
})

describe("degradationWarner", () => {
  it("warns at most once a minute, naming the provider and the failure's code but no host, key or query", () => {
    let now = 1_000_000
    const logger = { warn: jest.fn() }
    const warn = degradationWarner("commerce-bridge-meilisearch", logger, { now: () => now })
    const error = fetchFailed(socketError("ECONNREFUSED", `connect ECONNREFUSED search.internal:7700 q=linen`))
    warn(error)
    now += 59_999
    warn(error)
    expect(logger.warn).toHaveBeenCalledTimes(1)
    now += 1
    warn(meiliAnswer(503, { message: "unavailable" }))
    expect(logger.warn).toHaveBeenCalledTimes(2)

    const [first, second] = logger.warn.mock.calls.map(([message]) => message as string)
    expect(first).toContain("commerce-bridge-meilisearch")
    expect(first).toContain("ECONNREFUSED")
    expect(second).toContain("HTTP 503")
    for (const message of [first, second]) {
      expect(message).not.toMatch(/search\.internal|url-secret-1|admin|linen/)
    }
  })

  it("keeps one window per warner, so each provider warns for itself", () => {
    const logger = { warn: jest.fn() }
    const error = socketError("ECONNREFUSED")
    degradationWarner("commerce-bridge-meilisearch", logger)(error)
    degradationWarner("commerce-bridge-opensearch", logger)(error)
    expect(logger.warn.mock.calls.map(([message]) => message)).toEqual([
      expect.stringContaining("commerce-bridge-meilisearch"),
      expect.stringContaining("commerce-bridge-opensearch"),
    ])
  })
})

describe("searchOrDegrade", () => {
  const mapError = (error: unknown) => new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `mapped: ${(error as Error).message}`)

  it("passes results through", async () => {
    const warn = jest.fn()
    const results = [{ hits: [], metadata: { skip: 0, take: 20, count: 0 } }]
    expect(await searchOrDegrade([query()], async () => results, { warn, mapError })).toBe(results)
    expect(warn).not.toHaveBeenCalled()
  })

  it("answers every query degraded when the engine is unreachable, and warns", async () => {
    const warn = jest.fn()
    const error = fetchFailed(socketError("ECONNREFUSED"))
    const results = await searchOrDegrade([query({ q: "a" }), query({ q: "b" })], () => Promise.reject(error), { warn, mapError })
    expect(results.map((result) => [result.metadata.query, result.provider_metadata?.degraded])).toEqual([["a", true], ["b", true]])
    expect(warn).toHaveBeenCalledWith(error)
  })

  it("throws any other failure as mapped", async () => {
    const warn = jest.fn()
    const failure = searchOrDegrade([query()], () => Promise.reject(meiliAnswer(400, { message: "bad filter", code: "invalid_search_filter" })), { warn, mapError })
    await expect(failure).rejects.toThrow("mapped: bad filter")
    expect(warn).not.toHaveBeenCalled()
  })
})
