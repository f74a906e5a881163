import type { ProviderSearchQuery, SearchResult } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { LocalServer, sendJson, startLocalServer } from "../../../../integration-tests/helpers/local-server"
import { OpenSearchFixture, startOpenSearchFixture } from "../../../../integration-tests/__fixtures__/opensearch"
import { SAMPLE_PRODUCTS, sampleProductIndex } from "../../../../integration-tests/__fixtures__/search-products"
import { DEGRADED_SEARCH_MESSAGE } from "../../../lib/search-degradation"
import { OpenSearchSearchService } from "../service"

const AUTH = { username: "admin", password: "Str0ng-Passw0rd!" }
const index = sampleProductIndex("product_v1")
const DEGRADED = { degraded: true, reason: "engine_unreachable", message: DEGRADED_SEARCH_MESSAGE }

let fixture: OpenSearchFixture
let stoppedUrl: string
let logger: { warn: jest.Mock }
let provider: OpenSearchSearchService

const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({ index, attributes_to_retrieve: [], ...overrides })
const caught = (promise: Promise<unknown>): Promise<any> => promise.then(() => Promise.reject(new Error("expected a rejection")), (error) => error)
const degraded = (result: SearchResult) => result.provider_metadata?.degraded === true
const build = (node: string) => new OpenSearchSearchService({ logger: logger as any }, { node, ...AUTH, indexPrefix: "shop1_", timeoutMs: 150 })

/** A stub engine for answers the fixture does not script: a hung request, one `_msearch` entry failing. */
async function withStub(handler: Parameters<typeof startLocalServer>[0], run: (stub: LocalServer) => Promise<void>) {
  const stub = await startLocalServer(handler)
  try {
    await run(stub)
  } finally {
    await stub.close()
  }
}

beforeAll(async () => {
  fixture = await startOpenSearchFixture(AUTH)
  const stopped = await startOpenSearchFixture(AUTH)
  stoppedUrl = stopped.url
  await stopped.close()
})
afterAll(() => fixture.close())

beforeEach(async () => {
  fixture.reset()
  logger = { warn: jest.fn() }
  provider = build(fixture.url)
  await provider.upsertIndex({ index })
  await provider.waitForTask(await provider.upsertDocuments({ index: "product_v1", definition: index, documents: SAMPLE_PRODUCTS }))
})

describe("OpenSearch search provider while OpenSearch is unreachable", () => {
  it("answers search and searchMany with empty results flagged as degraded when the engine is stopped", async () => {
    const offline = build(stoppedUrl)
    const result = await offline.search(query({ q: "shirt", pagination: { skip: 10, take: 5 }, search_options: { facets: ["categories"] } }))
    expect(result).toEqual({ hits: [], facets: {}, metadata: { skip: 10, take: 5, count: 0, query: "shirt" }, provider_metadata: DEGRADED })

    const many = await offline.searchMany([query({ q: "jacket" }), query({ filters: { categories: "jackets" } })])
    expect(many).toEqual([
      { hits: [], metadata: { skip: 0, take: 20, count: 0, query: "jacket" }, provider_metadata: DEGRADED },
      { hits: [], metadata: { skip: 0, take: 20, count: 0 }, provider_metadata: DEGRADED },
    ])
  })

  it("warns once, with the provider and the error code but no host, credentials or query", async () => {
    const offline = build(stoppedUrl.replace("//", "//admin:url-secret-999@"))
    await offline.search(query({ q: "linen" }))
    await offline.searchMany([query({ q: "linen" }), query()])
    expect(logger.warn).toHaveBeenCalledTimes(1)
    const [message] = logger.warn.mock.calls[0]
    expect(message).toContain("commerce-bridge-opensearch")
    expect(message).toContain("ECONNREFUSED")
    for (const secret of [stoppedUrl.replace("http://", ""), "url-secret-999", AUTH.password, "linen"]) {
      expect(message).not.toContain(secret)
    }
  })

  it("degrades while the engine drops connections, and answers again once it is back", async () => {
    fixture.setDown(true)
    expect(degraded(await provider.search(query({ q: "shirt" })))).toBe(true)
    expect((await provider.searchMany([query(), query()])).every(degraded)).toBe(true)
    fixture.setDown(false)
    const back = await provider.search(query({ q: "shirt" }))
    expect(back.provider_metadata).toBeUndefined()
    expect(back.hits.map((hit) => hit.id).sort()).toEqual(["p1", "p2", "p6"])
  })

  it.each([
    [502, "<html><body><h1>502 Bad Gateway</h1></body></html>"],
    [503, undefined],
    [504, undefined],
  ])("degrades on a %i answer, after the client's one retry", async (status, body) => {
    const before = fixture.requests.count
    fixture.failNext(2, { status, body })
    expect(await provider.search(query({ q: "shirt" }))).toMatchObject({ hits: [], metadata: { count: 0 }, provider_metadata: DEGRADED })
    expect(fixture.requests.count - before).toBe(2)
  })

  it("degrades when a request times out", async () => {
    await withStub(
      () => {},
      async (stub) => {
        const started = Date.now()
        expect((await build(stub.url).search(query())).provider_metadata).toEqual(DEGRADED)
        expect(Date.now() - started).toBeLessThan(1_000)
      }
    )
  })

  it("degrades only the _msearch entries answered 503, as when an index has no shard available", async () => {
    const unavailable = { error: { root_cause: [], type: "search_phase_execution_exception", reason: "all shards failed", phase: "query", grouped: true, failed_shards: [] }, status: 503 }
    const answered = { took: 1, timed_out: false, hits: { total: { value: 1, relation: "eq" }, max_score: 1, hits: [{ _id: "p4", _score: 1, _source: { id: "p4" } }] }, status: 200 }
    await withStub(
      (_req, res) => sendJson(res, 200, { took: 2, responses: [unavailable, answered] }),
      async (stub) => {
        const [first, second] = await build(stub.url).searchMany([query({ q: "shirt" }), query({ q: "jacket" })])
        expect(first).toEqual({ hits: [], metadata: { skip: 0, take: 20, count: 0, query: "shirt" }, provider_metadata: DEGRADED })
        expect(second.provider_metadata).toBeUndefined()
        expect(second.hits.map((hit) => hit.id)).toEqual(["p4"])
      }
    )
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining("HTTP 503"))
  })
})

describe("OpenSearch search provider: failures that are not an outage keep throwing", () => {
  it("rejects a bad filter, a missing index, a throttled search and a 500 as before", async () => {
    const badFilter = await caught(provider.search(query({ filters: { price: "cheap" } })))
    expect(badFilter).toBeInstanceOf(MedusaError)
    expect(badFilter.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(badFilter.message).toBe(`OpenSearch: search_phase_execution_exception: failed to create query: For input string: "cheap" (query_shard_exception)`)
    expect((await caught(provider.searchMany([query(), query({ index: sampleProductIndex("nope") })]))).type).toBe(MedusaError.Types.NOT_FOUND)
    fixture.failNext(1, { status: 429 })
    expect((await caught(provider.search(query()))).message).toContain("rejected_execution_exception")
    fixture.failNext(1, { status: 500 })
    expect((await caught(provider.search(query()))).type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(logger.warn).not.toHaveBeenCalled()
  })

  it("rejects writes and waitForTask against a stopped engine or a 503, for the queue to retry", async () => {
    const offline = build(stoppedUrl)
    const writes = [
      offline.upsertIndex({ index }),
      offline.upsertDocuments({ index: "product_v1", definition: index, documents: SAMPLE_PRODUCTS }),
      offline.deleteDocuments({ index: "product_v1", filters: { id: ["p1"] } }),
      offline.clearIndex({ index: "product_v1" }),
      offline.deleteIndex({ index: "product_v1" }),
      offline.waitForTask({ id: "refresh:product_v1", index: "product_v1", status: "enqueued" }),
    ]
    for (const error of await Promise.all(writes.map(caught))) {
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toContain(`OpenSearch unreachable at ${stoppedUrl}`)
    }
    fixture.failNext(2, { status: 503 })
    const unavailable = await caught(provider.upsertDocuments({ index: "product_v1", definition: index, documents: SAMPLE_PRODUCTS }))
    expect(unavailable.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(logger.warn).not.toHaveBeenCalled()
  })
})
