import type { ProviderSearchQuery, SearchResult } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { MeilisearchFixture, startMeilisearchFixture } from "../../../../integration-tests/__fixtures__/meilisearch"
import { SAMPLE_PRODUCTS, sampleProductIndex } from "../../../../integration-tests/__fixtures__/search-products"
import { DEGRADED_SEARCH_MESSAGE } from "../../../lib/search-degradation"
import { MeilisearchSearchService } from "../service"

const MASTER_KEY = "meili-master-key-1234567890"
const index = sampleProductIndex("product_v1")
const DEGRADED = { degraded: true, reason: "engine_unreachable", message: DEGRADED_SEARCH_MESSAGE }

let fixture: MeilisearchFixture
let stoppedUrl: string
let logger: { warn: jest.Mock }
let provider: MeilisearchSearchService

const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({ index, attributes_to_retrieve: [], ...overrides })
const caught = (promise: Promise<unknown>): Promise<any> => promise.then(() => Promise.reject(new Error("expected a rejection")), (error) => error)
const degraded = (result: SearchResult) => result.provider_metadata?.degraded === true
// A short task timeout too: the client keeps its task timer running after a failed waitForTask.
const build = (host: string) =>
  new MeilisearchSearchService({ logger: logger as any }, { host, apiKey: MASTER_KEY, indexPrefix: "shop1_", timeoutMs: 200, taskTimeoutMs: 500 })

beforeAll(async () => {
  fixture = await startMeilisearchFixture({ masterKey: MASTER_KEY, taskDelayMs: 1 })
  const stopped = await startMeilisearchFixture({ masterKey: MASTER_KEY })
  stoppedUrl = stopped.url
  await stopped.close()
})
afterAll(() => fixture.close())

beforeEach(async () => {
  fixture.reset()
  logger = { warn: jest.fn() }
  provider = build(fixture.url)
  await provider.waitForTask(await provider.upsertIndex({ index }))
  await provider.waitForTask(await provider.upsertDocuments({ index: "product_v1", definition: index, documents: SAMPLE_PRODUCTS }))
})

describe("Meilisearch search provider while Meilisearch is unreachable", () => {
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

  it("warns once, with the provider and the error code but no host, key or query", async () => {
    const offline = build(stoppedUrl)
    await offline.search(query({ q: "linen" }))
    await offline.searchMany([query({ q: "linen" }), query()])
    expect(logger.warn).toHaveBeenCalledTimes(1)
    const [message] = logger.warn.mock.calls[0]
    expect(message).toContain("commerce-bridge-meilisearch")
    expect(message).toContain("ECONNREFUSED")
    expect(message).not.toContain(stoppedUrl.replace("http://", ""))
    expect(message).not.toContain(MASTER_KEY)
    expect(message).not.toContain("linen")
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

  it.each([502, 503, 504])("degrades on a %i answer", async (status) => {
    fixture.failNext(1, { status })
    expect(await provider.search(query({ q: "shirt" }))).toMatchObject({ hits: [], metadata: { count: 0 }, provider_metadata: DEGRADED })
  })

  it("degrades when a request times out", async () => {
    fixture.setLatency(600)
    const started = Date.now()
    const result = await provider.search(query())
    expect(result.provider_metadata).toEqual(DEGRADED)
    expect(Date.now() - started).toBeLessThan(500)
  })
})

describe("Meilisearch search provider: failures that are not an outage keep throwing", () => {
  it("rejects a bad filter, a missing index, a refused key and a 500 as before", async () => {
    const badFilter = await caught(provider.search(query({ filters: { description: "x" } })))
    expect(badFilter).toBeInstanceOf(MedusaError)
    expect(badFilter.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(badFilter.message).toMatch(/^Meilisearch: .*Attribute `description` is not filterable.*\(invalid_search_filter\)$/s)
    expect((await caught(provider.searchMany([query(), query({ index: sampleProductIndex("nope") })]))).type).toBe(MedusaError.Types.NOT_FOUND)
    const wrongKey = new MeilisearchSearchService({ logger: logger as any }, { host: fixture.url, apiKey: "wrong-key-0987654321" })
    expect((await caught(wrongKey.search(query()))).message).toContain("invalid_api_key")
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
      offline.waitForTask({ id: "1", index: "product_v1", status: "enqueued" }),
    ]
    for (const error of await Promise.all(writes.map(caught))) {
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toContain(`Meilisearch unreachable at ${stoppedUrl}`)
    }
    fixture.failNext(1, { status: 503 })
    const unavailable = await caught(provider.upsertDocuments({ index: "product_v1", definition: index, documents: SAMPLE_PRODUCTS }))
    expect(unavailable.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(logger.warn).not.toHaveBeenCalled()
  })
})
