import type { ProviderSearchQuery, ResolvedSearchIndexDefinition } from "@medusajs/framework/types"
import { MeilisearchFixture, startMeilisearchFixture } from "../../../../integration-tests/__fixtures__/meilisearch"
import { OpenAIFixture, startOpenAIFixture } from "../../../../integration-tests/__fixtures__/openai"
import { MemoryEmbeddingCache } from "../../../search-embeddings/cache"
import { EmbeddingsClient } from "../../../search-embeddings/client"
import { EmbeddingsService } from "../../../search-embeddings/service"
import { addEmbeddings } from "../../../search-indexes/shared/semantic"
import { planSearch } from "../query"
import { MeilisearchSearchService } from "../service"

const MASTER_KEY = "meili-master-key-1234567890"
const DIMENSIONS = 64
const semantic = { model: "text-embedding-3-small", dimensions: DIMENSIONS, fields: ["title", "description"], field: "embedding" }
const index: ResolvedSearchIndexDefinition = {
  name: "product",
  entity: "product",
  primary_key: "id",
  provider: "test",
  definition_hash: "test",
  physical_name: "product_hybrid",
  settings: {},
  fields: {
    title: { type: "text", searchable: { weight: 3 } },
    description: { type: "text", searchable: true },
    embedding: { type: "vector", dimensions: DIMENSIONS, embed: true, provider_options: { commerce_bridge: { model: semantic.model } } },
  },
  seed: async function* () {},
}
const PRODUCTS = [
  { id: "p1", title: "Blue running shoes", description: "Light and fast" },
  { id: "p2", title: "Grey couch", description: "Three seats, washable cover" },
  { id: "p3", title: "Oak dining table", description: "Seats six" },
  { id: "p4", title: "Coffee mug", description: "Stoneware" },
]

let meili: MeilisearchFixture
let openai: OpenAIFixture
let embeddings: EmbeddingsService
let provider: MeilisearchSearchService

const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({ index, attributes_to_retrieve: [], ...overrides })
const ids = (result: { hits: { id: string }[] }) => result.hits.map((hit) => hit.id)

beforeAll(async () => {
  ;[meili, openai] = await Promise.all([startMeilisearchFixture({ masterKey: MASTER_KEY, taskDelayMs: 1 }), startOpenAIFixture()])
})
afterAll(() => Promise.all([meili.close(), openai.close()]))

beforeEach(async () => {
  meili.reset()
  openai.reset()
  embeddings = new EmbeddingsService(new EmbeddingsClient({ apiKey: openai.apiKey, baseUrl: openai.url }), new MemoryEmbeddingCache())
  provider = new MeilisearchSearchService({}, { host: meili.url, apiKey: MASTER_KEY, embedder: embeddings })
  await provider.waitForTask(await provider.upsertIndex({ index }))
  const context = { container: { resolve: () => embeddings }, index } as any
  const documents = await addEmbeddings(PRODUCTS, semantic, context)
  const written = await provider.waitForTask(await provider.upsertDocuments({ index: "product_hybrid", definition: index, documents }))
  if (written.status !== "succeeded") throw new Error(JSON.stringify(written))
})

describe("Meilisearch provider: hybrid search", () => {
  it("declares a userProvided embedder and writes embeddings as _vectors, in one embeddings request", () => {
    const created = meili.indexes.get("product_hybrid")!
    expect(created.settings.embedders).toEqual({ embedding: { source: "userProvided", dimensions: DIMENSIONS } })
    const stored = created.documents.get("p2")!
    expect(stored.embedding).toBeUndefined()
    expect((stored._vectors as { embedding: number[] }).embedding).toHaveLength(DIMENSIONS)
    expect(openai.embeddingRequests).toHaveLength(1)
  })

  it('ranks "Grey couch" first for "sofa" at semantic_ratio 0.8, where keyword search finds nothing', async () => {
    expect(ids(await provider.search(query({ q: "sofa" })))).toEqual([])
    const hybrid = await provider.search(query({ q: "sofa", search_options: { vector: { field: "embedding", query: "sofa", semantic_ratio: 0.8 } } }))
    expect(ids(hybrid)[0]).toBe("p2")
    expect(hybrid.provider_metadata).toMatchObject({ semantic: "hybrid", semantic_ratio: 0.8 })
    expect(hybrid.hits[0].document).not.toHaveProperty("_vectors")
    const planned = planSearch(query({ q: "sofa" }), "product_hybrid", [], { field: { path: "embedding", dimensions: DIMENSIONS, model: semantic }, vector: [0.5], semanticRatio: 0.8 })
    expect(planned.queries[0]).toMatchObject({ q: "sofa", hybrid: { embedder: "embedding", semanticRatio: 0.8 }, vector: [0.5] })
  })

  it("keeps keyword matches ahead at a low ratio and finds synonyms semantically", async () => {
    const low = await provider.search(query({ q: "oak", search_options: { vector: { query: "oak", semantic_ratio: 0.2 } } }))
    expect(ids(low)[0]).toBe("p3")
    const sneakers = await provider.search(query({ search_options: { vector: { query: "sneakers" } } }))
    expect(ids(sneakers)[0]).toBe("p1")
  })

  it("embeds the query text once: a repeated query is answered from the cache", async () => {
    const before = openai.embeddingRequests.length
    await provider.search(query({ search_options: { vector: { query: "comfy sofa", semantic_ratio: 1 } } }))
    await provider.search(query({ search_options: { vector: { query: "comfy sofa", semantic_ratio: 1 } } }))
    expect(openai.embeddingRequests.length).toBe(before + 1)
  })

  it("searches with a given vector and refuses one of the wrong dimensions", async () => {
    const [couch] = await embeddings.embed(["couch"], semantic)
    expect(ids(await provider.search(query({ search_options: { vector: { value: couch, semantic_ratio: 1 } } })))[0]).toBe("p2")
    await expect(provider.search(query({ search_options: { vector: { value: [1, 2, 3] } } }))).rejects.toThrow(/3 dimensions/)
  })

  it("answers by keywords, flagged semantic: unavailable, while query text cannot be embedded", async () => {
    const warn = jest.fn()
    const down = new MeilisearchSearchService({ logger: { warn } as any }, { host: meili.url, apiKey: MASTER_KEY, embedder: { embed: () => Promise.reject(new Error("HTTP 503")) } })
    const result = await down.search(query({ q: "couch", search_options: { vector: { query: "couch", semantic_ratio: 0.8 } } }))
    expect(ids(result)).toEqual(["p2"])
    expect(result.provider_metadata).toMatchObject({ semantic: "unavailable" })
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it("embeds text written to the embed field, in one batch", async () => {
    const before = openai.embeddingRequests.length
    await provider.waitForTask(
      await provider.upsertDocuments({ index: "product_hybrid", definition: index, documents: [{ id: "p5", title: "Settee", embedding: "Settee" }, { id: "p6", title: "Lamp", embedding: "Desk lamp" }] })
    )
    expect(openai.embeddingRequests.length).toBe(before + 1)
    expect(ids(await provider.search(query({ search_options: { vector: { query: "sofa", semantic_ratio: 1 } } }))).slice(0, 2).sort()).toEqual(["p2", "p5"])
  })
})

describe("Meilisearch fixture: vectors", () => {
  const call = (path: string, method: string, body: unknown) =>
    fetch(`${meili.url}${path}`, { method, headers: { authorization: `Bearer ${MASTER_KEY}`, "content-type": "application/json" }, body: JSON.stringify(body) })

  it("validates embedders settings, vector dimensions and hybrid parameters as Meilisearch does", async () => {
    const missing = await call("/indexes/product_hybrid/settings", "PATCH", { embedders: { other: { source: "userProvided" } } })
    expect(missing.status).toBe(400)
    expect((await missing.json()).code).toBe("invalid_settings_embedders")
    const task = await (await call("/indexes/product_hybrid/documents", "POST", [{ id: "x", _vectors: { embedding: [1, 2] } }])).json()
    await provider.waitForTask({ id: String(task.taskUid), index: "product_hybrid", status: "enqueued" }).then((done) => expect(done.error?.code).toBe("invalid_vector_dimensions"))
    const ratio = await call("/indexes/product_hybrid/search", "POST", { q: "x", hybrid: { embedder: "embedding", semanticRatio: 2 } })
    expect((await ratio.json()).code).toBe("invalid_search_semantic_ratio")
    const unknown = await call("/indexes/product_hybrid/search", "POST", { q: "x", hybrid: { embedder: "nope" }, vector: [1] })
    expect((await unknown.json()).code).toBe("invalid_search_embedder")
    const noVector = await call("/indexes/product_hybrid/search", "POST", { q: "x", hybrid: { embedder: "embedding" } })
    expect((await noVector.json()).code).toBe("vector_embedding_error")
  })
})
