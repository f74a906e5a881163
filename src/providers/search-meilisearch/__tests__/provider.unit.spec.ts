import type { ProviderSearchQuery } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { MeilisearchFixture, startMeilisearchFixture } from "../../../../integration-tests/__fixtures__/meilisearch"
import { SAMPLE_PRODUCTS, sampleProductIndex } from "../../../../integration-tests/__fixtures__/search-products"
import { MeilisearchSearchService } from "../service"

const MASTER_KEY = "meili-master-key-1234567890"
const index = sampleProductIndex("product_v1")

let fixture: MeilisearchFixture
let provider: MeilisearchSearchService

const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({
  index,
  attributes_to_retrieve: [],
  ...overrides,
})
const ids = (result: { hits: { id: string }[] }) => result.hits.map((hit) => hit.id)

beforeAll(async () => {
  fixture = await startMeilisearchFixture({ masterKey: MASTER_KEY, taskDelayMs: 1 })
})
afterAll(() => fixture.close())

beforeEach(async () => {
  fixture.reset()
  provider = new MeilisearchSearchService({}, { host: fixture.url, apiKey: MASTER_KEY, indexPrefix: "shop1_" })
  await provider.waitForTask(await provider.upsertIndex({ index }))
  await provider.waitForTask(await provider.upsertDocuments({ index: "product_v1", definition: index, documents: SAMPLE_PRODUCTS }))
})

describe("Meilisearch search provider", () => {
  it("creates the index with settings from the definition, under the prefix", () => {
    const created = fixture.indexes.get("shop1_product_v1")!
    expect(created.primaryKey).toBe("id")
    expect(created.settings.searchableAttributes).toEqual(["title", "description", "variants.sku"])
    expect(created.settings.filterableAttributes).toEqual(
      expect.arrayContaining(["id", "handle", "status", "categories", "price", "in_stock", "created_at", "variants.sku"])
    )
    expect([...(created.settings.sortableAttributes as string[])].sort()).toEqual(["created_at", "price", "title"])
    expect(created.settings.rankingRules).toEqual(["sort", "words", "typo", "proximity", "attribute", "exactness"])
  })

  it("finds products despite a typo, best match first, and hands dates back as ISO strings", async () => {
    const result = await provider.search(query({ q: "shrit" }))
    expect(ids(result)).toEqual(expect.arrayContaining(["p1", "p2", "p6"]))
    expect(result.hits[0].document.created_at).toMatch(/^2026-11-0\dT00:00:00.000Z$/)
    expect(result.metadata).toMatchObject({ skip: 0, take: 20, count: 3, query: "shrit" })
  })

  it("filters with Medusa's filter language: ranges, lists, booleans, nested fields, dates, $or and $not", async () => {
    const search = async (filters: object) => ids(await provider.search(query({ filters, pagination: { order: { price: "ASC" } } })))
    expect(await search({ price: { $gte: 40, $lt: 100 } })).toEqual(["p2", "p3", "p5"])
    expect(await search({ categories: ["jackets", "knitwear"], in_stock: true })).toEqual(["p5", "p4"])
    expect(await search({ variants: { sku: "LIN-M" } })).toEqual(["p1"])
    expect(await search({ created_at: { $gte: new Date(Date.UTC(2026, 10, 5)) } })).toEqual(["p6", "p5"])
    expect(await search({ $or: [{ price: { $lt: 20 } }, { handle: "p4" }] })).toEqual(["p6", "p4"])
    expect(await search({ $not: { categories: "shirts" } })).toEqual(["p3", "p5", "p4"])
  })

  it("sorts and pages, with an exact count when asked", async () => {
    const page = await provider.search(query({ pagination: { skip: 2, take: 2, order: { price: "DESC" } }, search_options: { count: "exact" } }))
    expect(ids(page)).toEqual(["p3", "p2"])
    expect(page.metadata).toMatchObject({ skip: 2, take: 2, count: 6 })
    expect((await provider.search(query({ search_options: { count: "none" } }))).metadata.count).toBeNull()
  })

  it("answers value facets for the matching products, most frequent first, the rest counted", async () => {
    const result = await provider.search(query({ filters: { in_stock: true }, search_options: { facets: [{ field: "categories", limit: 2 }] } }))
    expect(result.facets!.categories).toEqual({ type: "value", values: [{ value: "jackets", count: 2 }, { value: "shirts", count: 2 }], other_count: 3 })
  })

  it("answers range and stats facets", async () => {
    const result = await provider.search(
      query({ filters: { in_stock: true }, search_options: { facets: [{ field: "price", type: "range", ranges: [{ key: "cheap", to: 50 }, { key: "dear", from: 50 }] }] } })
    )
    expect(result.facets!.price).toEqual({ type: "range", ranges: [{ key: "cheap", to: 50, count: 2 }, { key: "dear", from: 50, count: 2 }] })
    const stats = await provider.search(query({ search_options: { facets: [{ field: "price", type: "stats" }] } }))
    expect(stats.facets!.price).toEqual({ type: "stats", min: 19, max: 120, count: 6 })
  })

  it("runs several searches, facet probes included, in one round trip", async () => {
    const before = fixture.requests
    const [shirts, jackets] = await provider.searchMany([
      query({ q: "shirt", search_options: { facets: [{ field: "price", type: "stats" }] } }),
      query({ filters: { categories: "jackets" } }),
    ])
    expect(fixture.requests - before).toBe(1)
    expect(ids(shirts)).toHaveLength(3)
    expect(shirts.facets!.price).toMatchObject({ type: "stats", count: 3 })
    expect(ids(jackets).sort()).toEqual(["p4", "p5"])
  })

  it("deletes documents by id and by filter, clears and lists indexes with their counts", async () => {
    await provider.waitForTask(await provider.deleteDocuments({ index: "product_v1", filters: { id: ["p1", "p2"] } }))
    await provider.waitForTask(await provider.deleteDocuments({ index: "product_v1", filters: { categories: "jackets" } }))
    expect(fixture.documents("shop1_product_v1").map((doc) => doc.id).sort()).toEqual(["p3", "p6"])
    expect(await provider.listIndexes()).toEqual([expect.objectContaining({ name: "product_v1", provider: "commerce-bridge-meilisearch", document_count: 2 })])
    await provider.waitForTask(await provider.clearIndex({ index: "product_v1" }))
    expect(fixture.documents("shop1_product_v1")).toEqual([])
    await provider.waitForTask(await provider.deleteIndex({ index: "product_v1" }))
    expect(await provider.listIndexes()).toEqual([])
  })

  it("splits large writes into byte-sized batches and waits for every one", async () => {
    const small = new MeilisearchSearchService({}, { host: fixture.url, apiKey: MASTER_KEY, indexPrefix: "shop1_", maxBatchBytes: 600 })
    const many = Array.from({ length: 20 }, (_, i) => ({ ...SAMPLE_PRODUCTS[0], id: `bulk-${i}`, handle: `bulk-${i}` }))
    const task = await small.upsertDocuments({ index: "product_v1", definition: index, documents: many })
    expect(task.id!.split(",").length).toBeGreaterThan(5)
    expect(await small.waitForTask(task)).toMatchObject({ status: "succeeded" })
    expect(fixture.documents("shop1_product_v1")).toHaveLength(26)
  })

  it("reports a failed task with Meilisearch's error", async () => {
    const task = await provider.upsertDocuments({ index: "product_v1", definition: index, documents: [{ id: "bad id!" } as any] })
    expect(await provider.waitForTask(task)).toMatchObject({ status: "failed", error: { code: "invalid_document_id" } })
  })

  it("maps errors to Medusa's types and never repeats the key", async () => {
    const badFilter = await provider.search(query({ filters: { description: "x" } })).catch((error) => error)
    expect(badFilter).toBeInstanceOf(MedusaError)
    expect(badFilter.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(badFilter.message).toContain("invalid_search_filter")
    const missing = await provider.search(query({ index: sampleProductIndex("nope") })).catch((error) => error)
    expect(missing.type).toBe(MedusaError.Types.NOT_FOUND)

    // Searches degrade instead (degradation.unit.spec.ts); everything else reports the outage.
    fixture.setDown(true)
    const down = await provider.listIndexes().catch((error) => error)
    fixture.setDown(false)
    expect(down.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(down.message).toContain(`Meilisearch unreachable at ${fixture.url}`)

    const wrongKey = new MeilisearchSearchService({}, { host: fixture.url, apiKey: "wrong-key-0987654321" })
    const refused = await wrongKey.search(query()).catch((error) => error)
    expect(refused.message).toContain("invalid_api_key")
    expect(refused.message).not.toContain("wrong-key-0987654321")
  })

  it("names a missing or malformed host", () => {
    expect(() => MeilisearchSearchService.validateOptions({})).toThrow('option "host" is required')
    expect(() => MeilisearchSearchService.validateOptions({ host: "localhost:7700" })).toThrow("http(s) URL")
  })
})
