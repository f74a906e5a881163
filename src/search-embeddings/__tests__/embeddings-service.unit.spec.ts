import { OpenAIFixture, startOpenAIFixture } from "../../../integration-tests/__fixtures__/openai"
import { MemoryEmbeddingCache } from "../cache"
import { embeddingCacheKey } from "../cache-key"
import { EmbeddingsClient } from "../client"
import { EmbeddingsError } from "../errors"
import { EmbeddingsService } from "../service"

let fixture: OpenAIFixture
beforeAll(async () => {
  fixture = await startOpenAIFixture()
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const model = { model: "text-embedding-3-small", dimensions: 16 }
const waits: number[] = []
const build = (options: { batchSize?: number; maxRetries?: number } = {}) => {
  const cache = new MemoryEmbeddingCache()
  const client = new EmbeddingsClient({ apiKey: fixture.apiKey, baseUrl: fixture.url, ...options }, async (ms) => void waits.push(ms))
  return { cache, service: new EmbeddingsService(client, cache) }
}

describe("EmbeddingsService", () => {
  beforeEach(() => (waits.length = 0))

  it("sends texts in batches of batchSize, in order, and counts requests and tokens", async () => {
    const { service } = build({ batchSize: 2 })
    const texts = ["Grey couch", "Blue running shoes", "Coffee mug", "Oak table", "Desk lamp"]
    const embeddings = await service.embed(texts, model)
    expect(embeddings).toHaveLength(5)
    expect(embeddings.every((embedding) => embedding.length === 16)).toBe(true)
    expect(fixture.embeddingRequests.map((request) => (request.body.input as string[]).length)).toEqual([2, 2, 1])
    expect(fixture.embeddingRequests.every((request) => request.body.dimensions === 16 && request.body.model === model.model)).toBe(true)
    expect(service.stats).toEqual({ requests: 3, tokens: 11, embedded: 5, cacheHits: 0 })
    const [alone] = await build().service.embed(["Oak table"], model)
    expect(alone).toEqual(embeddings[3])
  })

  it("answers repeated and cached texts from the cache by sha256 of (model, dimensions, text)", async () => {
    const { service, cache } = build()
    await service.embed(["Grey couch", "Grey couch", "Oak table"], model)
    expect(fixture.embeddedInputs).toBe(2)
    expect(cache.entries.has(embeddingCacheKey(model, "Grey couch"))).toBe(true)
    const before = fixture.embeddingRequests.length
    await service.embed(["Oak table", "Grey couch"], model)
    expect(fixture.embeddingRequests.length).toBe(before)
    await service.embed(["Grey couch"], { ...model, dimensions: 8 })
    expect(fixture.embeddingRequests.length).toBe(before + 1)
    expect(service.stats).toMatchObject({ requests: 2, embedded: 3, cacheHits: 3 })
    expect(embeddingCacheKey(model, "a")).toMatch(/^[0-9a-f]{64}$/)
  })

  it("retries a 429 after its Retry-After, then a 5xx with backoff", async () => {
    const { service } = build()
    fixture.failNext(1, { status: 429, headers: { "retry-after": "2" } })
    fixture.failNext(1, { status: 503 })
    const [embedding] = await service.embed(["Grey couch"], model)
    expect(embedding).toHaveLength(16)
    expect(waits[0]).toBe(2000)
    expect(waits).toHaveLength(2)
    expect(fixture.embeddingRequests.map((request) => request.status)).toEqual([429, 503, 200])
    expect(service.stats.requests).toBe(3)
  })

  it("fails with the server's status after its retries, and does not retry a bad request", async () => {
    const { service } = build({ maxRetries: 1 })
    fixture.failNext(2, { status: 500 })
    const error = await service.embed(["x"], model).catch((caught) => caught)
    expect(error).toBeInstanceOf(EmbeddingsError)
    expect(error).toMatchObject({ status: 500, transient: true })
    expect(error.message).toContain("after 2 attempts")
    fixture.reset()
    const bad = await service.embed(["x"], { model: "text-embedding-ada-002", dimensions: 16 }).catch((caught) => caught)
    expect(bad).toMatchObject({ status: 400, transient: false })
    expect(fixture.embeddingRequests).toHaveLength(1)
  })
})
