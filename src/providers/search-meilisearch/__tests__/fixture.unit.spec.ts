/**
 * Drives integration-tests/__fixtures__/meilisearch with the official, unmodified `meilisearch` JS client only.
 */
import { MeiliSearch, MeiliSearchApiError, MeiliSearchRequestError } from "meilisearch"
import type { EnqueuedTaskPromise, SearchParams } from "meilisearch"
import { MeilisearchFixture, startMeilisearchFixture } from "../../../../integration-tests/__fixtures__/meilisearch"

const MASTER_KEY = "fixture-master-key"

type Product = {
  id: string
  title: string
  description: string
  brand: string
  categories: string[]
  price: number
  rating: number
  in_stock: boolean
  group: string
  tags: string[]
  discontinued_at?: string | null
  variants?: { sku: string; size: string }[]
}

const product = (id: string, title: string, description: string, brand: string, categories: string[], price: number, rating: number, in_stock: boolean, group: string, tags: string[], variants?: [string, string][]): Product => ({
  id, title, description, brand, categories, price, rating, in_stock, group, tags,
  ...(variants ? { variants: variants.map(([sku, size]) => ({ sku, size })) } : {}),
})

const products: Product[] = [
  product("p01", "Classic Cotton Shirt", "Breathable everyday cotton", "Nordic", ["apparel", "shirts"], 29.9, 4.5, true, "classic-shirt", ["cotton"], [["SHIRT-CL-S", "S"], ["SHIRT-CL-M", "M"]]),
  product("p02", "Classic Cotton Shirt Blue", "The classic in navy blue", "Nordic", ["apparel", "shirts"], 31, 4.2, true, "classic-shirt", ["cotton"], [["SHIRT-CLB-M", "M"]]),
  product("p03", "Linen Summer Shirt", "Light linen for hot days", "Riviera", ["apparel", "shirts"], 45, 4.0, true, "linen-shirt", ["linen"], [["SHIRT-LN-L", "L"]]),
  { ...product("p04", "Flannel Work Shirt", "Warm brushed flannel", "Peak Outfitters", ["apparel", "shirts"], 39.5, 3.8, false, "flannel-shirt", ["flannel"], [["SHIRT-FL-XL", "XL"]]), discontinued_at: "2024-01-31" },
  product("p05", "Denim Jeans", "Straight fit selvedge denim", "Riviera", ["apparel", "trousers"], 59, 4.6, true, "jeans", ["denim"], [["JEANS-32", "32"]]),
  product("p06", "Chino Trousers", "Stretch cotton chinos", "Nordic", ["apparel", "trousers"], 49, 4.1, true, "chino", ["cotton"], [["CHINO-32", "32"]]),
  product("p07", "Wool Sweater", "Chunky knit for winter", "Peak Outfitters", ["apparel", "knitwear"], 79, 4.4, false, "wool-sweater", ["wool"], [["SWEATER-WL-M", "M"]]),
  product("p08", "Cashmere Sweater", "Soft luxury knit", "Riviera", ["apparel", "knitwear"], 149, 4.9, true, "cashmere-sweater", ["cashmere"], [["SWEATER-CS-S", "S"]]),
  product("p09", "Running Shoes", "Cushioned road trainers", "Stride", ["footwear"], 89, 4.3, true, "running", ["sport"], [["RUN-42", "42"], ["RUN-43", "43"]]),
  product("p10", "Leather Boots", "Waterproof hiking boots", "Peak Outfitters", ["footwear"], 129, 4.7, true, "boots", ["leather"], [["BOOT-42", "42"]]),
  product("p11", "Canvas Sneakers", "Casual sneakers with leather trim", "Stride", ["footwear"], 55, 3.9, false, "sneakers", ["canvas"], [["SNK-41", "41"]]),
  product("p12", "Rain Jacket", "Packable shell", "Peak Outfitters", ["outerwear"], 99, 4.2, true, "rain-jacket", ["waterproof"], [["JKT-RN-M", "M"]]),
  product("p13", "Down Parka", "Arctic grade insulation", "Nordic", ["outerwear"], 199, 4.8, true, "parka", ["down"], [["PARKA-L", "L"]]),
  product("p14", "Leather Belt", "Full grain belt", "Riviera", ["accessories"], 25, 4.0, true, "belt", ["leather"], [["BELT-90", "90"]]),
  product("p15", "Silk Scarf", "Hand rolled edges", "Riviera", ["accessories"], 35, 4.5, true, "scarf", ["silk"], [["SCARF-OS", "OS"]]),
  product("p16", "Baseball Cap", "Adjustable strap", "Stride", ["accessories"], 19, 3.7, false, "cap", ["sport"], [["CAP-OS", "OS"]]),
  product("p17", "Wool Socks", "Merino blend", "Nordic", ["accessories", "knitwear"], 12, 4.6, true, "socks", ["wool"], [["SOCK-M", "M"]]),
  product("p18", "Yoga Mat", "Non slip surface", "Stride", ["sport"], 39, 4.1, true, "yoga", ["sport"]),
  { ...product("p19", "Water Bottle", "Insulated steel", "Stride", ["sport"], 15, 4.4, true, "bottle", ["steel"]), discontinued_at: null },
  product("p20", "Gift Card", "Any amount", "Nordic", ["gift"], 50, 5, true, "gift", []),
]

const SETTINGS = {
  searchableAttributes: ["title", "description", "brand", "categories", "variants.sku"],
  filterableAttributes: ["price", "rating", "categories", "in_stock", "brand", "variants.sku", "variants.size", "discontinued_at", "tags", "group", "variants"],
  sortableAttributes: ["title", "price", "rating"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  synonyms: { tee: ["shirt"] },
  distinctAttribute: null,
}

let fixture: MeilisearchFixture
let client: MeiliSearch
const products$ = () => client.index<Product>("products")
const wait = { interval: 10 }
const ids = (result: { hits: Record<string, unknown>[] }) => result.hits.map((hit) => hit.id)
const idsWhere = (predicate: (p: Product) => boolean) => products.filter(predicate).map((p) => p.id)
const search = (q: string | null, params: SearchParams = {}) => products$().search(q, params)
const caught = (promise: Promise<unknown>): Promise<any> =>
  promise.then(
    () => Promise.reject(new Error("expected a rejection")),
    (error) => error
  )
const settled = (task: EnqueuedTaskPromise) => task.waitTask(wait)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  fixture = await startMeilisearchFixture({ masterKey: MASTER_KEY, taskDelayMs: 2 })
  client = new MeiliSearch({ host: fixture.url, apiKey: MASTER_KEY })
})
afterAll(() => fixture.close())

describe("Meilisearch fixture driven by the official meilisearch client", () => {
  describe("index setup through asynchronous tasks", () => {
    it("creates the index, applies settings and indexes the documents, each as a task that succeeds", async () => {
      const created = await client.createIndex("products", { primaryKey: "id" }).waitTask(wait)
      expect(created).toMatchObject({ indexUid: "products", status: "succeeded", type: "indexCreation", details: { primaryKey: "id" }, error: null })

      const settings = await settled(products$().updateSettings(SETTINGS))
      expect(settings).toMatchObject({ status: "succeeded", type: "settingsUpdate", details: SETTINGS })

      const enqueued = await products$().addDocuments(products)
      expect(enqueued).toEqual({ taskUid: expect.any(Number), indexUid: "products", status: "enqueued", type: "documentAdditionOrUpdate", enqueuedAt: expect.any(String) })
      const added = await client.tasks.waitForTask(enqueued.taskUid, wait)
      expect(added).toMatchObject({ uid: enqueued.taskUid, status: "succeeded", details: { receivedDocuments: 20, indexedDocuments: 20 }, error: null })
      expect(added.duration).toMatch(/^PT\d+\.\d+S$/)
      expect(Date.parse(added.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(added.startedAt!))

      expect(await products$().getStats()).toMatchObject({ numberOfDocuments: 20, isIndexing: false, fieldDistribution: { id: 20, variants: 17, discontinued_at: 2 } })
      expect(fixture.documents("products")).toHaveLength(20)
    })

    it("reads back the settings, merged over Meilisearch's defaults", async () => {
      const settings = await products$().getSettings()
      expect(settings).toMatchObject({
        searchableAttributes: SETTINGS.searchableAttributes,
        filterableAttributes: SETTINGS.filterableAttributes,
        sortableAttributes: ["price", "rating", "title"],
        displayedAttributes: ["*"],
        rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
        synonyms: { tee: ["shirt"] },
        distinctAttribute: null,
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [] },
        pagination: { maxTotalHits: 1000 },
      })
      expect(await products$().getFilterableAttributes()).toEqual(SETTINGS.filterableAttributes)
      expect(await products$().getRawInfo()).toEqual({ uid: "products", primaryKey: "id", createdAt: expect.any(String), updatedAt: expect.any(String) })
    })

    it("lists tasks newest first, filtered by index, type and status, with from/next pagination", async () => {
      const listed = await client.tasks.getTasks({ indexUids: ["products"], statuses: ["succeeded"], types: ["indexCreation", "settingsUpdate"] })
      expect(listed.results.map((task) => task.type)).toEqual(["settingsUpdate", "indexCreation"])
      expect(listed).toMatchObject({ total: 2, limit: 20, next: null, from: listed.results[0].uid })

      const firstPage = await client.tasks.getTasks({ indexUids: ["products"], limit: 1 })
      expect(firstPage.results).toHaveLength(1)
      expect(firstPage.next).toBe(firstPage.results[0].uid - 1)
      const secondPage = await client.tasks.getTasks({ indexUids: ["products"], limit: 1, from: firstPage.next! })
      expect(secondPage.results[0].uid).toBe(firstPage.next)
    })
  })

  describe("text matching and ranking", () => {
    it("tolerates one typo in a five-letter word, including a transposition ('shrit' finds shirts)", async () => {
      expect(ids(await search("shrit"))).toEqual(["p01", "p02", "p03", "p04"])
      expect(ids(await search("leathr"))).toEqual(["p10", "p14", "p11"])
    })

    it("allows no typo under five letters and treats the last word as a prefix only when nothing follows it", async () => {
      expect(ids(await search("bots"))).toEqual([])
      expect(ids(await search("boots"))).toEqual(["p10"])
      expect(ids(await search("sweat"))).toEqual(["p07", "p08"])
      expect(ids(await search("sweat "))).toEqual([])
    })

    it("ranks a match in an earlier searchable attribute first (title before description)", async () => {
      expect(ids(await search("leather"))).toEqual(["p10", "p14", "p11"])
    })

    it("ranks documents matching every word first, then drops words from the end ('last' strategy)", async () => {
      expect(ids(await search("cotton shirt"))).toEqual(["p01", "p02", "p06"])
      expect(ids(await search("wool shirt"))).toEqual(["p07", "p17"])
      expect(ids(await search("wool shirt", { matchingStrategy: "all" }))).toEqual([])
    })

    it("honours typoTolerance.enabled = false", async () => {
      await settled(products$().updateTypoTolerance({ enabled: false }))
      expect(ids(await search("shrit"))).toEqual([])
      await settled(products$().resetTypoTolerance())
      expect(ids(await search("shrit"))).toHaveLength(4)
    })

    it("expands synonyms, matches quoted phrases exactly and drops stop words", async () => {
      expect(ids(await search("tee"))).toEqual(["p01", "p02", "p03", "p04"])
      expect(ids(await search('"leather boots"'))).toEqual(["p10"])

      expect(ids(await search("the jeans", { matchingStrategy: "all" }))).toEqual([])
      await settled(products$().updateStopWords(["the"]))
      expect(ids(await search("the jeans", { matchingStrategy: "all" }))).toEqual(["p05"])
      await settled(products$().resetStopWords())
    })

    it("returns every document in insertion order for a placeholder search", async () => {
      const result = await search("", { limit: 50 })
      expect(ids(result)).toEqual(products.map((p) => p.id))
      expect(result).toMatchObject({ query: "", limit: 50, offset: 0, estimatedTotalHits: 20, processingTimeMs: expect.any(Number) })
    })

    it("dedupes hits on the distinct attribute, from the settings or the search parameter", async () => {
      expect(ids(await search("classic"))).toEqual(["p01", "p02"])
      expect(ids(await search("classic", { distinct: "group" }))).toEqual(["p01"])
      await settled(products$().updateDistinctAttribute("group"))
      expect(ids(await search("classic"))).toEqual(["p01"])
      await settled(products$().resetDistinctAttribute())
    })

    it("retrieves selected attributes, highlights matches (only the typed part of a prefix) and shows ranking scores", async () => {
      const result = await search("shirt", { attributesToRetrieve: ["id", "title", "variants.sku"], attributesToHighlight: ["title"], limit: 1 })
      expect(result.hits[0]).toEqual({
        id: "p01",
        title: "Classic Cotton Shirt",
        variants: [{ sku: "SHIRT-CL-S" }, { sku: "SHIRT-CL-M" }],
        _formatted: { id: "p01", title: "Classic Cotton <em>Shirt</em>", variants: [{ sku: "SHIRT-CL-S" }, { sku: "SHIRT-CL-M" }] },
      })
      const prefix = await search("cott", { attributesToRetrieve: ["title"], attributesToHighlight: ["*"], highlightPreTag: "[", highlightPostTag: "]", limit: 1 })
      expect(prefix.hits[0]._formatted).toEqual({ title: "Classic [Cott]on Shirt" })

      const [exact] = (await search("shirt", { showRankingScore: true })).hits
      const [typo] = (await search("shrit", { showRankingScore: true })).hits
      expect(exact._rankingScore).toBe(1)
      expect(typo._rankingScore).toBeGreaterThan(0)
      expect(typo._rankingScore).toBeLessThan(exact._rankingScore!)
    })

    it("answers the GET search variant with the same engine", async () => {
      const result = await products$().searchGet("shirt", { filter: "price > 40", attributesToRetrieve: ["id"] })
      expect(result.hits).toEqual([{ id: "p03" }])
    })
  })

  describe("filters", () => {
    it.each<[string, string | (string | string[])[], (p: Product) => boolean]>([
      ["a range", "price 20 TO 50", (p) => p.price >= 20 && p.price <= 50],
      ["a comparison on decimals", "rating >= 4.5 AND price < 100", (p) => p.rating >= 4.5 && p.price < 100],
      ["IN on an array field", "categories IN [footwear, outerwear]", (p) => p.categories.some((c) => ["footwear", "outerwear"].includes(c))],
      ["NOT IN", "categories NOT IN [apparel, footwear]", (p) => !p.categories.some((c) => ["apparel", "footwear"].includes(c))],
      [
        "OR inside parentheses, AND, NOT",
        "(categories = shirts OR categories = knitwear) AND NOT in_stock = false",
        (p) => (p.categories.includes("shirts") || p.categories.includes("knitwear")) && p.in_stock,
      ],
      ["!= (which also keeps documents without the field)", "brand != Nordic AND price < 40", (p) => p.brand !== "Nordic" && p.price < 40],
      ["a quoted value with a space, case-insensitively", 'brand = "peak outfitters"', (p) => p.brand === "Peak Outfitters"],
      ["a nested attribute inside an array of objects", 'variants.sku = "BOOT-42"', (p) => !!p.variants?.some((v) => v.sku === "BOOT-42")],
      ["another element of that array", "variants.size = M", (p) => !!p.variants?.some((v) => v.size === "M")],
      ["EXISTS", "variants EXISTS", (p) => "variants" in p],
      ["NOT EXISTS", "variants NOT EXISTS", (p) => !("variants" in p)],
      ["IS NULL", "discontinued_at IS NULL", (p) => p.discontinued_at === null],
      ["EXISTS on a null field", "discontinued_at EXISTS", (p) => "discontinued_at" in p],
      ["IS NOT NULL", "discontinued_at IS NOT NULL", (p) => p.discontinued_at !== null],
      ["IS EMPTY", "tags IS EMPTY", (p) => p.tags.length === 0],
      ["a boolean", "in_stock = false", (p) => !p.in_stock],
      ["the array form (inner arrays are ORed)", [["categories = footwear", "categories = outerwear"], "price < 100"], (p) => (p.categories.includes("footwear") || p.categories.includes("outerwear")) && p.price < 100],
    ])("filters with %s", async (_label, filter, predicate) => {
      const expected = idsWhere(predicate)
      expect(expected.length).toBeGreaterThan(0)
      expect(ids(await search("", { filter, limit: 50 }))).toEqual(expected)
    })

    it("unescapes only escaped quotes inside quoted values, as Meilisearch does", async () => {
      const quirks = client.index("quirks")
      await settled(quirks.updateFilterableAttributes(["label"]))
      await settled(quirks.addDocuments([{ id: "q1", label: 'The "Best" shirt' }, { id: "q2", label: "back\\slash" }]))
      const labelled = async (filter: string) => ids(await quirks.search("", { filter }))
      expect(await labelled('label = "The \\"Best\\" shirt"')).toEqual(["q1"])
      expect(await labelled('label = "back\\slash"')).toEqual(["q2"])
      expect(await labelled('label = "back\\\\slash"')).toEqual([])
      await settled(client.deleteIndex("quirks"))
    })

    it("combines a filter with a text query", async () => {
      expect(ids(await search("shirt", { filter: "in_stock = false" }))).toEqual(["p04"])
    })

    it("refuses a non-filterable attribute with Meilisearch's error and position", async () => {
      const error = await caught(search("", { filter: "title = Shirt" }))
      expect(error).toBeInstanceOf(MeiliSearchApiError)
      expect(error.response.status).toBe(400)
      expect(error.cause).toEqual({
        message:
          "Index `products`: Attribute `title` is not filterable. Available filterable attributes are: `brand, categories, discontinued_at, group, in_stock, price, rating, tags, variants, variants.size, variants.sku`.\n1:6 title = Shirt",
        code: "invalid_search_filter",
        type: "invalid_request",
        link: "https://docs.meilisearch.com/errors#invalid_search_filter",
      })
    })

    it.each([
      ["price >", "Was expecting a value but instead got nothing.\n8:8 price >"],
      ["price = 10 XOR in_stock = true", "Found unexpected characters at the end of the filter: `XOR in_stock = true`. You probably forgot an `OR` or an `AND` rule.\n12:31 price = 10 XOR in_stock = true"],
      ["price = 10 OR (in_stock = true", "Expression `(in_stock = true` is missing the following closing delimiter: `)`.\n15:31 price = 10 OR (in_stock = true"],
      ["brand = 'Nordic", "Expression `\\'Nordic` is missing the following closing delimiter: `'`.\n9:16 brand = 'Nordic"],
    ])("refuses the bad syntax %j with invalid_search_filter", async (filter, message) => {
      const error = await caught(search("", { filter }))
      expect(error.cause).toMatchObject({ code: "invalid_search_filter", message })
    })

    it("refuses an unknown operator with the list of operators Meilisearch expects", async () => {
      const error = await caught(search("", { filter: "price & 10" }))
      expect(error.cause.code).toBe("invalid_search_filter")
      expect(error.cause.message).toMatch(/^Was expecting an operation `=`, `!=`, .* at `price & 10`\.\n1:11 price & 10$/)
    })
  })

  describe("facets, sorting and pagination", () => {
    it("counts facet values over the matching documents and gives min/max for numeric facets", async () => {
      const result = await search("", { facets: ["categories", "in_stock", "price"], limit: 0 })
      const categoryCounts: Record<string, number> = {}
      for (const category of products.flatMap((p) => p.categories)) categoryCounts[category] = (categoryCounts[category] ?? 0) + 1
      expect(result.facetDistribution!.categories).toEqual(categoryCounts)
      expect(Object.keys(result.facetDistribution!.categories)).toEqual(Object.keys(categoryCounts).sort())
      expect(result.facetDistribution!.in_stock).toEqual({ false: 4, true: 16 })
      expect(result.facetStats).toEqual({ price: { min: 12, max: 199 } })
      expect(result.hits).toEqual([])

      const outOfStock = await search("", { filter: "in_stock = false", facets: ["categories"] })
      expect(outOfStock.facetDistribution).toEqual({ categories: { accessories: 1, apparel: 2, footwear: 1, knitwear: 1, shirts: 1 } })
    })

    it("refuses a facet on a non-filterable attribute", async () => {
      const error = await caught(search("", { facets: ["title"] }))
      expect(error.cause).toMatchObject({ code: "invalid_search_facets", message: expect.stringContaining("attribute `title` is not filterable") })
    })

    it("sorts ascending and descending, and uses sort to order equally relevant hits", async () => {
      const byPrice = [...products].sort((a, b) => a.price - b.price).map((p) => p.id)
      expect(ids(await search("", { sort: ["price:asc"], limit: 50 }))).toEqual(byPrice)
      expect(ids(await search("", { sort: ["price:desc"], limit: 50 }))).toEqual([...byPrice].reverse())
      expect(ids(await search("shirt", { sort: ["price:desc"] }))).toEqual(["p03", "p04", "p02", "p01"])
      expect(ids(await search("", { sort: ["title:asc"], limit: 3 }))).toEqual(["p16", "p11", "p08"])
    })

    it("refuses sorting on a non-sortable attribute and malformed sort expressions", async () => {
      const error = await caught(search("", { sort: ["brand:asc"] }))
      expect(error.cause).toMatchObject({
        code: "invalid_search_sort",
        message: "Index `products`: Attribute `brand` is not sortable. Available sortable attributes are: `price, rating, title`.",
      })
      const malformed = await caught(search("", { sort: ["price"] }))
      expect(malformed.cause.message).toBe("Invalid syntax for the sort parameter: expected expression ending by `:asc` or `:desc`, found `price`.")
    })

    it("paginates with offset/limit (estimatedTotalHits) and with page/hitsPerPage (totalHits, totalPages)", async () => {
      const window = await search("", { offset: 5, limit: 5 })
      expect(ids(window)).toEqual(["p06", "p07", "p08", "p09", "p10"])
      expect(window).toMatchObject({ offset: 5, limit: 5, estimatedTotalHits: 20 })

      const lastPage = await search("", { page: 4, hitsPerPage: 6 })
      expect(ids(lastPage)).toEqual(["p19", "p20"])
      expect(lastPage).toMatchObject({ page: 4, hitsPerPage: 6, totalHits: 20, totalPages: 4 })
      expect(lastPage).not.toHaveProperty("estimatedTotalHits")
    })
  })

  describe("multi-search", () => {
    it("answers several queries in one round trip, each result tagged with its index", async () => {
      const before = fixture.requests
      const { results } = await client.multiSearch({
        queries: [
          { indexUid: "products", q: "shirt", limit: 2 },
          { indexUid: "products", q: "", filter: "price < 20", sort: ["price:asc"] },
        ],
      })
      expect(fixture.requests - before).toBe(1)
      expect(fixture.requestLog.at(-1)).toEqual({ method: "POST", path: "/multi-search" })
      expect(results.map((result) => result.indexUid)).toEqual(["products", "products"])
      expect(ids(results[0])).toEqual(["p01", "p02"])
      expect(ids(results[1])).toEqual(["p17", "p19", "p16"])
    })

    it("reports which query failed", async () => {
      const error = await caught(client.multiSearch({ queries: [{ indexUid: "products", q: "x" }, { indexUid: "nope", q: "x" }] }))
      expect(error.response.status).toBe(404)
      expect(error.cause).toMatchObject({ code: "index_not_found", message: "Inside `.queries[1]`: Index `nope` not found." })
    })
  })

  describe("documents", () => {
    const scratch = () => client.index<Record<string, unknown>>("scratch")

    it("creates a missing index when documents are added to it, inferring the primary key", async () => {
      expect(await settled(scratch().addDocuments(products.slice(0, 5)))).toMatchObject({ status: "succeeded" })
      expect(await client.getRawIndex("scratch")).toMatchObject({ uid: "scratch", primaryKey: "id" })
    })

    it("gets one document, pages through documents with fields, and fetches by filter", async () => {
      expect(await scratch().getDocument("p03", { fields: ["id", "price"] })).toEqual({ id: "p03", price: 45 })
      expect(await scratch().getDocuments({ offset: 1, limit: 2, fields: ["id"] })).toEqual({ results: [{ id: "p02" }, { id: "p03" }], offset: 1, limit: 2, total: 5 })
      await settled(scratch().updateFilterableAttributes(["price", "variants.size"]))
      const fetched = await scratch().getDocuments({ filter: "price > 40", fields: ["id"] })
      expect(fetched).toMatchObject({ results: [{ id: "p03" }, { id: "p05" }], total: 2 })
      const missing = await caught(scratch().getDocument("nope"))
      expect(missing.cause).toMatchObject({ code: "document_not_found", message: "Document `nope` not found." })
    })

    it("updates documents field by field with PUT and replaces them whole with POST", async () => {
      await settled(scratch().updateDocuments([{ id: "p01", price: 10 }]))
      expect(await scratch().getDocument("p01")).toMatchObject({ id: "p01", title: "Classic Cotton Shirt", price: 10 })
      await settled(scratch().addDocuments([{ id: "p02", title: "Replaced" }]))
      expect(await scratch().getDocument("p02")).toEqual({ id: "p02", title: "Replaced" })
    })

    it("deletes by id, by batch, by filter, then clears everything and deletes the index", async () => {
      expect(await settled(scratch().deleteDocument("p05"))).toMatchObject({ status: "succeeded", details: { providedIds: 1, deletedDocuments: 1 } })
      expect(await settled(scratch().deleteDocuments(["p03", "p04", "unknown"]))).toMatchObject({ details: { providedIds: 3, deletedDocuments: 2 } })
      expect(fixture.documents("scratch").map((doc) => doc.id)).toEqual(["p01", "p02"])

      const byFilter = await settled(scratch().deleteDocuments({ filter: "price < 20" }))
      expect(byFilter).toMatchObject({ status: "succeeded", details: { deletedDocuments: 1, originalFilter: '"price < 20"' } })
      expect(fixture.documents("scratch").map((doc) => doc.id)).toEqual(["p02"])

      const notFilterable = await settled(scratch().deleteDocuments({ filter: "title = Replaced" }))
      expect(notFilterable.status).toBe("failed")
      expect(notFilterable.error).toMatchObject({ code: "invalid_document_filter", message: expect.stringContaining("Attribute `title` is not filterable") })

      expect(await settled(scratch().deleteAllDocuments())).toMatchObject({ status: "succeeded", details: { deletedDocuments: 1 } })
      expect((await scratch().getStats()).numberOfDocuments).toBe(0)

      expect(await settled(client.deleteIndex("scratch"))).toMatchObject({ status: "succeeded", type: "indexDeletion" })
      expect((await caught(client.getIndex("scratch"))).cause.code).toBe("index_not_found")
      // Like Meilisearch, deleting a missing index is accepted (202) and its task fails.
      expect((await settled(client.deleteIndex("scratch"))).error?.code).toBe("index_not_found")
    })

    it("refuses a syntactically invalid delete filter synchronously", async () => {
      const error = await caught(products$().deleteDocuments({ filter: "price >" }))
      expect(error.cause).toMatchObject({ code: "invalid_document_filter", message: expect.stringMatching(/^Was expecting a value/) })
    })
  })

  describe("errors", () => {
    it("answers index_not_found for a search on a missing index", async () => {
      const error = await caught(client.index("missing").search("shirt"))
      expect(error).toBeInstanceOf(MeiliSearchApiError)
      expect(error.response.status).toBe(404)
      expect(error.message).toBe("Index `missing` not found.")
      expect(error.cause).toEqual({ message: "Index `missing` not found.", code: "index_not_found", type: "invalid_request", link: "https://docs.meilisearch.com/errors#index_not_found" })
    })

    it("requires the bearer key: missing → 401, wrong → 403; /health stays open", async () => {
      const anonymous = new MeiliSearch({ host: fixture.url })
      const missing = await caught(anonymous.getIndexes())
      expect(missing.response.status).toBe(401)
      expect(missing.cause).toMatchObject({ code: "missing_authorization_header", type: "auth" })
      expect(await anonymous.isHealthy()).toBe(true)

      const wrong = await caught(new MeiliSearch({ host: fixture.url, apiKey: "wrong" }).index("products").search("shirt"))
      expect(wrong.response.status).toBe(403)
      expect(wrong.cause).toEqual({ message: "The provided API key is invalid.", code: "invalid_api_key", type: "auth", link: "https://docs.meilisearch.com/errors#invalid_api_key" })
    })

    it("lets the default search key search but not write", async () => {
      const searcher = new MeiliSearch({ host: fixture.url, apiKey: fixture.apiKeys.search })
      expect(ids(await searcher.index("products").search("boots"))).toEqual(["p10"])
      expect((await caught(searcher.index("products").addDocuments([{ id: "x" }]))).cause.code).toBe("invalid_api_key")
      const { results } = await client.getKeys()
      expect(results.map((key) => key.name)).toEqual(["Default Search API Key", "Default Admin API Key"])
      expect(results[0].key).toBe(fixture.apiKeys.search)
    })

    it("surfaces failed tasks through waitForTask the way the client does: resolved, with status failed and the error", async () => {
      const duplicate = await client.createIndex("products").waitTask(wait)
      expect(duplicate).toMatchObject({ status: "failed", type: "indexCreation" })
      expect(duplicate.error).toEqual({ message: "Index `products` already exists.", code: "index_already_exists", type: "invalid_request", link: "https://docs.meilisearch.com/errors#index_already_exists" })
      expect(await client.tasks.getTask(duplicate.uid)).toEqual(duplicate)

      const badId = await settled(products$().addDocuments([{ ...products[0], id: "bad id!" }]))
      expect(badId.error).toMatchObject({ code: "invalid_document_id", message: expect.stringContaining('Document identifier `"bad id!"` is invalid.') })
      const noId = await settled(client.index("products").addDocuments([{ title: "no id" }]))
      expect(noId.error).toMatchObject({ code: "missing_document_id", message: 'Document doesn\'t have a `id` attribute: `{"title":"no id"}`.' })
      expect(fixture.documents("products")).toHaveLength(20)

      const noCandidate = await settled(client.index("no-key").addDocuments([{ name: "x" }]))
      expect(noCandidate.error?.code).toBe("index_primary_key_no_candidate_found")
      const updateMissing = await settled(client.updateIndex("ghost", { primaryKey: "id" }))
      expect(updateMissing.error).toMatchObject({ code: "index_not_found", message: "Index `ghost` not found." })
    })

    it("refuses an invalid index uid synchronously", async () => {
      const error = await caught(client.createIndex("bad uid!"))
      expect(error.response.status).toBe(400)
      expect(error.cause.code).toBe("invalid_index_uid")
    })
  })

  describe("scripted faults and outages", () => {
    it("passes a failNext answer to the client as an API error with that status", async () => {
      fixture.failNext(1, { status: 503 })
      const error = await caught(products$().search("shirt"))
      expect(error).toBeInstanceOf(MeiliSearchApiError)
      expect(error.response.status).toBe(503)
      expect(error.cause).toMatchObject({ code: "internal", type: "internal" })
      expect(ids(await products$().search("boots"))).toEqual(["p10"])

      fixture.failNext(1, { status: 429, body: { message: "Too many requests", code: "too_many_requests", type: "system", link: "" }, headers: { "retry-after": "2" } })
      const throttled = await caught(products$().search("shirt"))
      expect(throttled.message).toBe("Too many requests")
      expect(throttled.response.headers.get("retry-after")).toBe("2")
    })

    it("drops connections while down, which the client reports as a request error", async () => {
      fixture.setDown(true)
      const before = fixture.requests
      const error = await caught(client.health())
      expect(error).toBeInstanceOf(MeiliSearchRequestError)
      expect(error.message).toBe(`Request to ${fixture.url}/health has failed`)
      expect(fixture.requests).toBe(before + 1)
      fixture.setDown(false)
      expect(await client.health()).toEqual({ status: "available" })
    })

    it("answers version, global stats and index listing", async () => {
      expect(await client.getVersion()).toMatchObject({ pkgVersion: expect.stringMatching(/^1\.\d+\.\d+$/) })
      expect((await client.getStats()).indexes.products).toMatchObject({ numberOfDocuments: 20 })
      const { results, total } = await client.getRawIndexes()
      expect(results.map((index) => index.uid)).toContain("products")
      expect(total).toBe(results.length)
    })
  })

  describe("task lifecycle on a slow fixture", () => {
    let slow: MeilisearchFixture
    beforeAll(async () => {
      slow = await startMeilisearchFixture({ taskDelayMs: 200 })
    })
    afterAll(() => slow.close())

    it("shows enqueued, then processing (isIndexing), then succeeded; cancels a task still enqueued", async () => {
      const open = new MeiliSearch({ host: slow.url })
      await open.createIndex("slow").waitTask({ interval: 25 })
      const addition = await open.index("slow").addDocuments([{ id: 1, title: "first" }])
      const settings = await open.index("slow").updateSearchableAttributes(["title"])
      expect((await open.tasks.getTask(addition.taskUid)).status).toBe("enqueued")

      let processing = await open.tasks.getTask(addition.taskUid)
      while (processing.status === "enqueued") {
        await sleep(20)
        processing = await open.tasks.getTask(addition.taskUid)
      }
      expect(processing).toMatchObject({ status: "processing", startedAt: expect.any(String), finishedAt: null })
      expect((await open.index("slow").getStats()).isIndexing).toBe(true)

      const cancelation = await open.tasks.cancelTasks({ uids: [settings.taskUid] }).waitTask({ interval: 25 })
      expect(cancelation).toMatchObject({ type: "taskCancelation", status: "succeeded", details: { matchedTasks: 1, canceledTasks: 1, originalFilter: `?uids=${settings.taskUid}` } })
      expect(await open.tasks.getTask(settings.taskUid)).toMatchObject({ status: "canceled", canceledBy: cancelation.uid })
      expect(await open.tasks.waitForTask(addition.taskUid)).toMatchObject({ status: "succeeded" })
      expect(slow.indexes.get("slow")?.settings.searchableAttributes).toEqual(["*"])
    })
  })
})
