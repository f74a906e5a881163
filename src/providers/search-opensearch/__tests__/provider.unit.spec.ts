import type { ProviderSearchQuery } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { OpenSearchFixture, startOpenSearchFixture } from "../../../../integration-tests/__fixtures__/opensearch"
import { SAMPLE_PRODUCTS, sampleProductIndex } from "../../../../integration-tests/__fixtures__/search-products"
import { OpenSearchSearchService } from "../service"

// `refresh: wait_for` waits for the fixture's real 1 s refresh interval.
jest.setTimeout(15_000)

const AUTH = { username: "admin", password: "Str0ng-Passw0rd!" }
const index = sampleProductIndex("product_v1")

let fixture: OpenSearchFixture
let provider: OpenSearchSearchService

const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({ index, attributes_to_retrieve: [], ...overrides })
const ids = (result: { hits: { id: string }[] }) => result.hits.map((hit) => hit.id)
const stored = (name = "shop1_product_v1") => [...fixture.indices.get(name)!.documents.keys()].sort()
const caught = (promise: Promise<unknown>): Promise<any> => promise.then(() => Promise.reject(new Error("expected a rejection")), (error) => error)
const bulkRequests = () => fixture.requests.log.filter(({ path }) => path === "/_bulk").length

beforeAll(async () => {
  fixture = await startOpenSearchFixture(AUTH)
})
afterAll(() => fixture.close())

beforeEach(async () => {
  fixture.reset()
  provider = new OpenSearchSearchService({}, { node: fixture.url, ...AUTH, indexPrefix: "shop1_" })
  await provider.upsertIndex({ index })
  await provider.waitForTask(await provider.upsertDocuments({ index: "product_v1", definition: index, documents: SAMPLE_PRODUCTS }))
})

describe("OpenSearch search provider", () => {
  it("creates the index with mappings from the definition, under the prefix, and extends it additively", async () => {
    const { properties } = fixture.indices.get("shop1_product_v1")!.mappings as any
    expect(properties.title).toEqual({ type: "text", fields: { keyword: { type: "keyword" } } })
    expect(properties.variants).toEqual({ type: "nested", properties: { sku: { type: "keyword" } } })
    expect(properties.id).toEqual({ type: "keyword" })

    const extended = { ...index, fields: { ...index.fields, rating: { type: "float" as const, sortable: true } } }
    expect(await provider.upsertIndex({ index: extended })).toEqual({ index: "product_v1", status: "succeeded" })
    expect((fixture.indices.get("shop1_product_v1")!.mappings as any).properties.rating).toEqual({ type: "double" })
    expect(stored()).toHaveLength(6)

    const changed = { ...index, fields: { ...index.fields, price: { type: "keyword" as const } } }
    const conflict = await caught(provider.upsertIndex({ index: changed }))
    expect(conflict.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(conflict.message).toContain("illegal_argument_exception")
  })

  it("finds products despite a typo, unless typo tolerance is off", async () => {
    const result = await provider.search(query({ q: "shrit" }))
    expect(ids(result).sort()).toEqual(["p1", "p2", "p6"])
    expect(result.hits[0].document.created_at).toMatch(/^2026-11-0\dT00:00:00.000Z$/)
    expect(result.metadata).toMatchObject({ skip: 0, take: 20, count: 3, query: "shrit" })
    expect(ids(await provider.search(query({ q: "shrit", search_options: { typo_tolerance: false } })))).toEqual([])
    const strict = sampleProductIndex("product_v1")
    strict.settings = { typo_tolerance: { enabled: false } }
    expect(ids(await provider.search(query({ index: strict, q: "shrit" })))).toEqual([])
  })

  it("ranks by weighted fields, matches SKUs in nested variants, and returns scores when asked", async () => {
    const result = await provider.search(query({ q: "jacket", search_options: { include_score: true } }))
    expect(ids(result).sort()).toEqual(["p4", "p5"])
    expect(result.hits.every((hit) => typeof hit.score === "number" && hit.score > 0)).toBe(true)
    expect(ids(await provider.search(query({ q: "DEN-L" })))).toEqual(["p5"])
    expect(ids(await provider.search(query({ q: "linen wool", search_options: { match_strategy: "any" } }))).sort()).toEqual(["p1", "p3"])
    expect(ids(await provider.search(query({ q: "linen wool" })))).toEqual([])
  })

  it("filters with Medusa's filter language: every operator, nested fields, dates, $and, $or and $not", async () => {
    const search = async (filters: object) => ids(await provider.search(query({ filters, pagination: { order: { price: "ASC" } } })))
    expect(await search({ price: { $gte: 40, $lt: 100 } })).toEqual(["p2", "p3", "p5"])
    expect(await search({ categories: ["jackets", "knitwear"], in_stock: true })).toEqual(["p5", "p4"])
    expect(await search({ variants: { sku: "LIN-M" } })).toEqual(["p1"])
    expect(await search({ "variants.sku": { $in: ["DEN-L", "FLA-M"] } })).toEqual(["p2", "p5"])
    expect(await search({ created_at: { $gte: new Date(Date.UTC(2026, 10, 5)) } })).toEqual(["p6", "p5"])
    expect(await search({ $or: [{ price: { $lt: 20 } }, { handle: "p4" }] })).toEqual(["p6", "p4"])
    expect(await search({ $not: { categories: "shirts" } })).toEqual(["p3", "p5", "p4"])
    expect(await search({ $and: [{ in_stock: false }, { price: { $gt: 19 } }] })).toEqual(["p3"])
    expect(await search({ handle: { $nin: ["p1", "p2", "p3"] }, status: { $ne: "draft" } })).toEqual(["p6", "p5", "p4"])
    expect(await search({ categories: { $contains: ["shirts", "summer"] } })).toEqual(["p6", "p1"])
    expect(await search({ categories: { $overlaps: ["denim", "knitwear"] } })).toEqual(["p3", "p5"])
    expect(await search({ title: { $prefix: "Lin" } })).toEqual(["p1"])
    expect(await search({ title: { $like: "%jacket" } })).toEqual(["p5", "p4"])
    expect(await search({ title: "Wool sweater" })).toEqual(["p3"])
    expect(await search({ created_at: { $exists: false } })).toEqual([])
    expect(await search({ handle: { $exists: true }, in_stock: { $eq: false } })).toEqual(["p6", "p3"])
  })

  it("matches a nested filter within one variant, and treats null as missing", async () => {
    const variants = sampleProductIndex("variant_v1")
    variants.fields = { handle: { type: "keyword", filterable: true }, variants: { type: "object", array: true, fields: { sku: { type: "keyword", filterable: true }, size: { type: "keyword", filterable: true } } } }
    await provider.upsertIndex({ index: variants })
    const documents = [
      { id: "a", handle: "a", variants: [{ sku: "A1", size: "S" }, { sku: "A2", size: "M" }] },
      { id: "b", handle: "b", variants: [{ sku: "B1" }] },
      { id: "c", handle: null },
    ]
    await provider.waitForTask(await provider.upsertDocuments({ index: "variant_v1", definition: variants, documents }))
    const search = async (filters: object) => ids(await provider.search(query({ index: variants, filters }))).sort()
    expect(await search({ variants: { sku: "A1", size: "M" } })).toEqual([])
    expect(await search({ variants: { sku: "A1", size: "S" } })).toEqual(["a"])
    expect(await search({ variants: { sku: { $prefix: "B" }, size: null } })).toEqual(["b"])
    expect(await search({ variants: null })).toEqual(["c"])
    expect(await search({ handle: null })).toEqual(["c"])
    expect(await search({ handle: { $ne: null } })).toEqual(["a", "b"])
  })

  it("sorts (text fields by their keyword) and pages, with an exact count when asked", async () => {
    const page = await provider.search(query({ pagination: { skip: 2, take: 2, order: { price: "DESC" } }, search_options: { count: "exact" } }))
    expect(ids(page)).toEqual(["p3", "p2"])
    expect(page.metadata).toMatchObject({ skip: 2, take: 2, count: 6 })
    expect(ids(await provider.search(query({ pagination: { order: { title: "ASC" } } })))).toEqual(["p6", "p5", "p2", "p1", "p4", "p3"])
    expect((await provider.search(query({ search_options: { count: "none" } }))).metadata.count).toBeNull()
  })

  it("answers value facets for the matching products, most frequent first, the rest counted", async () => {
    const result = await provider.search(
      query({ filters: { in_stock: true }, search_options: { facets: [{ field: "categories", limit: 2 }, "in_stock"] } })
    )
    expect(result.facets!.categories).toEqual({ type: "value", values: [{ value: "jackets", count: 2 }, { value: "shirts", count: 2 }], other_count: 3 })
    expect(result.facets!.in_stock).toEqual({ type: "value", values: [{ value: "true", count: 4 }], other_count: 0 })
    const skus = await provider.search(query({ filters: { categories: "jackets" }, search_options: { facets: [{ field: "variants.sku", sort: "alpha" }] } }))
    expect(skus.facets!["variants.sku"]).toEqual({ type: "value", values: [{ value: "DEN-L", count: 1 }, { value: "RAIN-M", count: 1 }], other_count: 0 })
  })

  it("answers range facets (numbers and dates) and stats facets", async () => {
    const result = await provider.search(
      query({
        filters: { in_stock: true },
        search_options: {
          facets: [
            { field: "price", type: "range", ranges: [{ key: "cheap", to: 50 }, { key: "dear", from: 50 }] },
            { field: "created_at", type: "range", ranges: [{ from: "2026-11-04T00:00:00.000Z" }] },
          ],
        },
      })
    )
    expect(result.facets!.price).toEqual({ type: "range", ranges: [{ key: "cheap", to: 50, count: 2 }, { key: "dear", from: 50, count: 2 }] })
    expect(result.facets!.created_at).toEqual({ type: "range", ranges: [{ key: "2026-11-04T00:00:00.000Z-*", from: "2026-11-04T00:00:00.000Z", count: 2 }] })
    const stats = await provider.search(query({ search_options: { facets: [{ field: "price", type: "stats" }] } }))
    expect(stats.facets!.price).toEqual({ type: "stats", min: 19, max: 120, avg: 69.25, sum: 415.5, count: 6 })
  })

  it("runs several searches, facets included, in one _msearch round trip", async () => {
    const before = fixture.requests.count
    const [shirts, jackets] = await provider.searchMany([
      query({ q: "shirt", search_options: { facets: [{ field: "price", type: "stats" }] } }),
      query({ filters: { categories: "jackets" } }),
    ])
    expect(fixture.requests.count - before).toBe(1)
    expect(fixture.requests.log.at(-1)).toMatchObject({ method: "POST", path: "/_msearch" })
    expect(ids(shirts)).toHaveLength(3)
    expect(shirts.facets!.price).toMatchObject({ type: "stats", count: 3 })
    expect(ids(jackets).sort()).toEqual(["p4", "p5"])
  })

  it("makes writes searchable at waitForTask, or at once with refresh: wait_for", async () => {
    // Index settings pass through; without periodic refreshes only waitForTask makes the write visible.
    const manual = { ...index, physical_name: "manual_v1", settings: { provider_options: { opensearch: { index: { refresh_interval: "-1" } } } } }
    await provider.upsertIndex({ index: manual })
    const extra = { ...SAMPLE_PRODUCTS[0], id: "p7", handle: "p7" }
    const task = await provider.upsertDocuments({ index: "manual_v1", definition: manual, documents: [extra] })
    expect(task).toMatchObject({ index: "manual_v1", status: "enqueued" })
    expect(ids(await provider.search(query({ index: manual, filters: { handle: "p7" } })))).toEqual([])
    expect(await provider.waitForTask(task)).toMatchObject({ status: "succeeded" })
    expect(ids(await provider.search(query({ index: manual, filters: { handle: "p7" } })))).toEqual(["p7"])

    const waiting = new OpenSearchSearchService({}, { node: fixture.url, ...AUTH, indexPrefix: "shop1_", refresh: "wait_for" })
    const applied = await waiting.upsertDocuments({ index: "product_v1", definition: index, documents: [{ ...extra, id: "p8", handle: "p8" }] })
    expect(applied).toEqual({ index: "product_v1", status: "succeeded" })
    expect(ids(await provider.search(query({ filters: { handle: "p8" } })))).toEqual(["p8"])
  })

  it("deletes documents by id and by filter, clears, and lists indexes with their product counts", async () => {
    await provider.waitForTask(await provider.deleteDocuments({ index: "product_v1", filters: { id: ["p1", "p2"] } }))
    expect(fixture.requests.log.at(-2)).toMatchObject({ path: "/_bulk" })
    await provider.waitForTask(await provider.deleteDocuments({ index: "product_v1", filters: { "variants.sku": { $prefix: "RAIN" } } }))
    await provider.waitForTask(await provider.deleteDocuments({ index: "product_v1", filters: { categories: "jackets" } }))
    expect(stored()).toEqual(["p3", "p6"])
    // A fresh provider has not seen the definition: it reads the mappings to compile the filter.
    const fresh = new OpenSearchSearchService({}, { node: fixture.url, ...AUTH, indexPrefix: "shop1_" })
    await fresh.waitForTask(await fresh.deleteDocuments({ index: "product_v1", filters: { variants: { sku: "WOOL-L" } } }))
    expect(stored()).toEqual(["p6"])
    expect(await provider.listIndexes()).toEqual([{ name: "product_v1", provider: "commerce-bridge-opensearch", document_count: 1 }])
    await provider.waitForTask(await provider.clearIndex({ index: "product_v1" }))
    expect(stored()).toEqual([])
    expect(await provider.deleteIndex({ index: "product_v1" })).toEqual({ index: "product_v1", status: "succeeded" })
    expect(await provider.listIndexes()).toEqual([])
    expect(await provider.deleteIndex({ index: "product_v1" })).toEqual({ index: "product_v1", status: "succeeded" })
  })

  it("splits large writes into byte-sized _bulk requests", async () => {
    const small = new OpenSearchSearchService({}, { node: fixture.url, ...AUTH, indexPrefix: "shop1_", maxBatchBytes: 800 })
    const many = Array.from({ length: 20 }, (_, i) => ({ ...SAMPLE_PRODUCTS[0], id: `bulk-${i}`, handle: `bulk-${i}` }))
    const before = bulkRequests()
    await small.waitForTask(await small.upsertDocuments({ index: "product_v1", definition: index, documents: many }))
    expect(bulkRequests() - before).toBeGreaterThan(5)
    expect((await small.search(query({ search_options: { count: "exact" } }))).metadata.count).toBe(26)
  })

  it("reports failed bulk items as a failed task, keeping the items that succeeded", async () => {
    const documents = [{ ...SAMPLE_PRODUCTS[0], id: "ok-1" }, { id: "bad-1", price: "cheap" } as any]
    const task = await provider.upsertDocuments({ index: "product_v1", definition: index, documents })
    expect(task).toMatchObject({ index: "product_v1", status: "failed", error: { code: "mapper_parsing_exception" } })
    expect(task.error!.message).toContain("1 of 2 OpenSearch bulk items failed; first [bad-1]: mapper_parsing_exception: failed to parse field [price]")
    expect(stored()).toContain("ok-1")
    expect(await provider.waitForTask(task)).toBe(task)
  })

  it("maps errors to Medusa's types and never repeats the password", async () => {
    const badFilter = await caught(provider.search(query({ filters: { price: "cheap" } })))
    expect(badFilter).toBeInstanceOf(MedusaError)
    expect(badFilter.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(badFilter.message).toBe(`OpenSearch: search_phase_execution_exception: failed to create query: For input string: "cheap" (query_shard_exception)`)
    expect((await caught(provider.search(query({ index: sampleProductIndex("nope") })))).type).toBe(MedusaError.Types.NOT_FOUND)
    expect((await caught(provider.search(query({ search_options: { distinct: "handle" } })))).type).toBe(MedusaError.Types.NOT_ALLOWED)
    const distinctIndex = { ...index, physical_name: "distinct_v1", settings: { distinct_attribute: "handle" } }
    expect((await caught(provider.upsertIndex({ index: distinctIndex }))).type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(fixture.indices.has("shop1_distinct_v1")).toBe(false)

    fixture.failNext(1, { status: 429 })
    const throttled = await caught(provider.search(query()))
    expect(throttled.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(throttled.message).toContain("rejected_execution_exception")

    const inUrl = new OpenSearchSearchService({}, { node: fixture.url.replace("//", "//admin:url-secret-999@") })
    // Searches degrade instead (degradation.unit.spec.ts); everything else reports the outage.
    fixture.setDown(true)
    const down = await caught(provider.listIndexes())
    const downInUrl = await caught(inUrl.listIndexes())
    fixture.setDown(false)
    expect(down.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(down.message).toContain(`OpenSearch unreachable at ${fixture.url}`)
    expect(downInUrl.message).toContain(`OpenSearch unreachable at ${fixture.url}`)
    expect(downInUrl.message).not.toContain("url-secret-999")

    const wrongPassword = new OpenSearchSearchService({}, { node: fixture.url, username: "admin", password: "wrong-pass-0987654321" })
    const refused = await caught(wrongPassword.search(query()))
    expect(refused.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(refused.message).toContain("401")
    expect(refused.message).not.toContain("wrong-pass-0987654321")
  })

  it("names a missing or malformed option", () => {
    expect(() => OpenSearchSearchService.validateOptions({})).toThrow('option "node" is required')
    expect(() => OpenSearchSearchService.validateOptions({ node: "localhost:9200" })).toThrow("http(s) URL")
    expect(() => OpenSearchSearchService.validateOptions({ node: "http://x", maxBatchBytes: 0 })).toThrow('"maxBatchBytes"')
    expect(() => OpenSearchSearchService.validateOptions({ node: "http://x", refresh: true as any })).toThrow('"refresh"')
    expect(() => OpenSearchSearchService.validateOptions({ node: "http://x", password: "p" })).toThrow('"username"')
    expect(() => OpenSearchSearchService.validateOptions({ node: "https://x:9200", refresh: "wait_for" })).not.toThrow()
  })
})
