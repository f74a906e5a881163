import type { ProviderSearchQuery, ResolvedSearchIndexDefinition } from "@medusajs/framework/types"
import { OpenSearchFixture, startOpenSearchFixture } from "../../../../integration-tests/__fixtures__/opensearch"
import { OpenAIFixture, startOpenAIFixture } from "../../../../integration-tests/__fixtures__/openai"
import { MemoryEmbeddingCache } from "../../../search-embeddings/cache"
import { EmbeddingsClient } from "../../../search-embeddings/client"
import { EmbeddingsService } from "../../../search-embeddings/service"
import { addEmbeddings } from "../../../search-indexes/shared/semantic"
import { OpenSearchSearchService } from "../service"

jest.setTimeout(15_000)

const AUTH = { username: "admin", password: "Str0ng-Passw0rd!" }
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
    in_stock: { type: "boolean", filterable: true },
    embedding: { type: "vector", dimensions: DIMENSIONS, embed: true, provider_options: { commerce_bridge: { model: semantic.model } } },
  },
  seed: async function* () {},
}
const PRODUCTS = [
  { id: "p1", title: "Blue running shoes", description: "Light and fast", in_stock: true },
  { id: "p2", title: "Grey couch", description: "Three seats, washable cover", in_stock: true },
  { id: "p3", title: "Oak dining table", description: "Seats six", in_stock: true },
  { id: "p4", title: "Leather sofa", description: "Two seats", in_stock: false },
]

let opensearch: OpenSearchFixture
let openai: OpenAIFixture
let embeddings: EmbeddingsService
let provider: OpenSearchSearchService

const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({ index, attributes_to_retrieve: [], ...overrides })
const ids = (result: { hits: { id: string }[] }) => result.hits.map((hit) => hit.id)

beforeAll(async () => {
  ;[opensearch, openai] = await Promise.all([startOpenSearchFixture(AUTH), startOpenAIFixture()])
})
afterAll(() => Promise.all([opensearch.close(), openai.close()]))

beforeEach(async () => {
  opensearch.reset()
  openai.reset()
  embeddings = new EmbeddingsService(new EmbeddingsClient({ apiKey: openai.apiKey, baseUrl: openai.url }), new MemoryEmbeddingCache())
  provider = new OpenSearchSearchService({}, { node: opensearch.url, ...AUTH, embedder: embeddings })
  await provider.upsertIndex({ index })
  const documents = await addEmbeddings(PRODUCTS, semantic, { container: { resolve: () => embeddings }, index } as any)
  await provider.waitForTask(await provider.upsertDocuments({ index: "product_hybrid", definition: index, documents }))
})

describe("OpenSearch provider: hybrid search", () => {
  it("maps the vector field as knn_vector with cosine similarity and turns index.knn on", () => {
    const created = opensearch.indices.get("product_hybrid")! as any
    expect(created.mappings.properties.embedding).toEqual({ type: "knn_vector", dimension: DIMENSIONS, method: { name: "hnsw", space_type: "cosinesimil", engine: "lucene" } })
    expect(created.settings["index.knn"]).toBe("true")
  })

  it("finds a couch and a sofa for \"settee\" at semantic_ratio 0.8, where keyword search finds nothing", async () => {
    expect(ids(await provider.search(query({ q: "couch" })))).toEqual(["p2"])
    expect(ids(await provider.search(query({ q: "settee" })))).toEqual([])
    const hybrid = await provider.search(query({ q: "settee", search_options: { vector: { query: "settee", semantic_ratio: 0.8 } } }))
    expect(ids(hybrid).slice(0, 2).sort()).toEqual(["p2", "p4"])
    expect(hybrid.provider_metadata).toMatchObject({ semantic: "hybrid", semantic_ratio: 0.8 })
    expect(hybrid.hits[0].document).not.toHaveProperty("embedding")
  })

  it("applies filters to the k-NN half and weighs keyword matches at a low ratio", async () => {
    const filtered = await provider.search(query({ filters: { in_stock: true }, search_options: { vector: { query: "sofa", semantic_ratio: 1 } } }))
    expect(ids(filtered)[0]).toBe("p2")
    expect(ids(filtered)).not.toContain("p4")
    const low = await provider.search(query({ q: "oak", search_options: { vector: { query: "sofa", semantic_ratio: 0.2 } } }))
    expect(ids(low)[0]).toBe("p3")
  })
})

describe("OpenSearch fixture: k-NN", () => {
  it("refuses vectors of the wrong dimension and knn queries on other fields", async () => {
    const written = await provider.upsertDocuments({ index: "product_hybrid", definition: index, documents: [{ id: "x", title: "x", embedding: [1, 2, 3] }] })
    expect(written.status).toBe("failed")
    expect(written.error?.message).toContain("mapper_parsing_exception")
    const call = (body: unknown) =>
      fetch(`${opensearch.url}/product_hybrid/_search`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString("base64")}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      })
    const wrongField = await call({ query: { knn: { title: { vector: [1], k: 1 } } } })
    expect(wrongField.status).toBe(400)
    expect(JSON.stringify(await wrongField.json())).toContain("is not knn_vector type")
    const wrongSize = await call({ query: { knn: { embedding: { vector: [1, 2], k: 2 } } } })
    expect(JSON.stringify(await wrongSize.json())).toContain("Dimension should be: 64")
    const nearest = await (await call({ query: { knn: { embedding: { vector: (await embeddings.embed(["sofa"], semantic))[0], k: 2 } } } })).json()
    expect(nearest.hits.hits.map((hit: { _id: string }) => hit._id).sort()).toEqual(["p2", "p4"])
  })
})
