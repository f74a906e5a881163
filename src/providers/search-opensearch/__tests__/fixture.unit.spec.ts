/**
 * Drives integration-tests/__fixtures__/opensearch.ts with the official, unmodified @opensearch-project/opensearch
 * client, so a provider's tests can trust what the fixture answers.
 */
import { Client, errors } from "@opensearch-project/opensearch"
import { OpenSearchFixture, startOpenSearchFixture } from "../../../../integration-tests/__fixtures__/opensearch"

const AUTH = { username: "admin", password: "Str0ng-Passw0rd!" }
const INDEX = "products"

let fixture: OpenSearchFixture
beforeAll(async () => {
  fixture = await startOpenSearchFixture(AUTH)
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const connect = (options: Record<string, unknown> = {}) => new Client({ node: fixture.url, auth: AUTH, ...options })
const caught = (promise: Promise<unknown>): Promise<any> =>
  promise.then(
    () => Promise.reject(new Error("expected a rejection")),
    (error) => error
  )
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const MAPPINGS = {
  properties: {
    title: { type: "text", fields: { keyword: { type: "keyword" } } },
    description: { type: "text" },
    brand: { type: "keyword" },
    category: { type: "keyword" },
    price: { type: "float" },
    in_stock: { type: "boolean" },
    created_at: { type: "date" },
    variants: {
      type: "nested",
      properties: { sku: { type: "keyword" }, size: { type: "keyword" }, color: { type: "keyword" }, stock: { type: "integer" } },
    },
  },
}

type Product = { id: string; title: string; description: string; brand: string; category: string; price?: number; in_stock: boolean; created_at?: string; variants?: object[] }
const product = (id: string, title: string, brand: string, category: string, price: number | undefined, inStock: boolean, description = "", extra = {}): Product => ({
  id, title, description, brand, category, ...(price !== undefined && { price }), in_stock: inStock, created_at: "2024-03-01T10:00:00Z", ...extra,
})

const PRODUCTS: Product[] = [
  product("p1", "Classic Cotton Shirt", "acme", "shirts", 19.99, true, "A soft everyday cotton shirt", {
    variants: [{ sku: "SH-1-S", size: "S", color: "white", stock: 5 }, { sku: "SH-1-M", size: "M", color: "white", stock: 0 }],
  }),
  product("p2", "Linen Summer Shirt", "nordic", "shirts", 49.5, true, "Breathable linen", { variants: [{ sku: "SH-2-M", size: "M", color: "blue", stock: 3 }] }),
  product("p3", "Flannel Shirt", "acme", "shirts", 35, false, "Warm brushed flannel", { variants: [{ sku: "SH-3-L", size: "L", color: "red", stock: 0 }] }),
  product("p4", "Denim Jeans", "acme", "pants", 59.9, true, "Pairs well with any shirt"),
  product("p5", "Slim Chino Pants", "nordic", "pants", 45, true, "Stretch cotton chinos"),
  product("p6", "Wool Sweater", "nordic", "knitwear", 89, true, "Merino wool crew neck"),
  product("p7", "Cashmere Sweater", "luxe", "knitwear", 199, true, "Pure cashmere"),
  product("p8", "Running Shoes", "stride", "shoes", 120, true, "Lightweight running shoes"),
  product("p9", "Leather Boots", "stride", "shoes", 180, false, "Full grain leather boots"),
  product("p10", "Canvas Sneakers", "stride", "shoes", 65, true, "Classic canvas sneakers"),
  { ...product("p11", "Graphic T-Shirt", "acme", "shirts", 15, true, "Printed graphic tee"), created_at: undefined },
  product("p12", "Rain Jacket", "nordic", "outerwear", 130, true, "Waterproof shell jacket"),
  product("p13", "Down Parka", "luxe", "outerwear", 250, true, "Goose down winter parka"),
  product("p14", "Baseball Cap", "acme", "accessories", 12.5, true, "Adjustable cap"),
  product("p15", "Wool Scarf", "nordic", "accessories", 29, true, "Chunky knit wool scarf"),
  product("p16", "Leather Belt", "luxe", "accessories", 55, true, "Italian leather belt"),
  product("p17", "Silk Tie", "luxe", "accessories", 40, false, "Silk tie"),
  product("p18", "Hiking Socks", "stride", "accessories", 9.99, true, "Merino hiking socks"),
  product("p19", "Yoga Leggings", "stride", "pants", 39, true, "High waist leggings"),
  product("p20", "Mystery Box", "misc", "accessories", undefined, true, "A surprise"),
]

const bulkBody = (products: Product[]) => products.flatMap(({ id, ...source }) => [{ index: { _index: INDEX, _id: id } }, source])
const ids = (body: any) => body.hits.hits.map((hit: any) => hit._id)

/** Creates the products index (replicas 0 so it is green; refresh_interval -1 unless given) and indexes PRODUCTS. */
async function seed(client: Client, settings: Record<string, unknown> = {}) {
  await client.indices.create({ index: INDEX, body: { settings: { index: { number_of_replicas: 0, refresh_interval: "-1", ...settings } }, mappings: MAPPINGS } })
  const { body } = await client.bulk({ body: bulkBody(PRODUCTS), refresh: "true" })
  expect(body.errors).toBe(false)
}

describe("OpenSearch fixture driven by @opensearch-project/opensearch", () => {
  describe("cluster and security", () => {
    it("answers cluster info and health like a single-node OpenSearch 2.x", async () => {
      const client = connect()
      const { body: info } = await client.info()
      expect(info.version).toMatchObject({ distribution: "opensearch", number: expect.stringMatching(/^2\.\d+\.\d+$/) })
      expect(info.tagline).toBe("The OpenSearch Project: https://opensearch.org/")

      expect((await client.cluster.health()).body).toMatchObject({ status: "green", number_of_nodes: 1, timed_out: false })
      await client.indices.create({ index: "with-replicas" })
      // A replica can't be assigned on one node: the cluster turns yellow, as a local single-node OpenSearch does.
      expect((await client.cluster.health()).body).toMatchObject({ status: "yellow", unassigned_shards: 1 })
    })

    it("refuses missing or wrong credentials with the security plugin's 401 challenge", async () => {
      for (const client of [new Client({ node: fixture.url }), connect({ auth: { username: "admin", password: "wrong" } })]) {
        const error = await caught(client.info())
        expect(error).toBeInstanceOf(errors.ResponseError)
        expect(error.statusCode).toBe(401)
        expect(error.body).toBe("Unauthorized")
        expect(error.headers["www-authenticate"]).toBe('Basic realm="OpenSearch Security"')
      }
    })
  })

  describe("index APIs", () => {
    it("creates, inspects, extends and deletes an index", async () => {
      const client = connect()
      const { body: created } = await client.indices.create({ index: INDEX, body: { mappings: MAPPINGS } })
      expect(created).toEqual({ acknowledged: true, shards_acknowledged: true, index: INDEX })
      expect((await client.indices.exists({ index: INDEX })).body).toBe(true)
      expect((await client.indices.exists({ index: "nope" })).body).toBe(false)

      const { body: mapping } = await client.indices.getMapping({ index: INDEX })
      expect(mapping[INDEX].mappings.properties.variants).toMatchObject({ type: "nested" })
      await client.indices.putMapping({ index: INDEX, body: { properties: { rating: { type: "half_float" } } } })
      const { body: described } = await client.indices.get({ index: INDEX })
      expect(described[INDEX].mappings.properties.rating).toEqual({ type: "half_float" })
      expect(described[INDEX].settings.index).toMatchObject({ number_of_shards: "1", number_of_replicas: "1", provided_name: INDEX })

      const conflict = await caught(client.indices.putMapping({ index: INDEX, body: { properties: { price: { type: "keyword" } } } }))
      expect(conflict.body.error).toMatchObject({ type: "illegal_argument_exception", reason: "mapper [price] cannot be changed from type [float] to [keyword]" })

      const duplicate = await caught(client.indices.create({ index: INDEX }))
      expect(duplicate.statusCode).toBe(400)
      expect(duplicate.body.error).toMatchObject({ type: "resource_already_exists_exception", index: INDEX })
      expect(duplicate.body.error.reason).toMatch(/^index \[products\/[\w-]+\] already exists$/)

      const invalid = await caught(client.indices.create({ index: "Products" }))
      expect(invalid.body.error).toMatchObject({ type: "invalid_index_name_exception", reason: "Invalid index name [Products], must be lowercase" })

      expect((await client.indices.delete({ index: INDEX })).body).toEqual({ acknowledged: true })
      expect(fixture.indices.has(INDEX)).toBe(false)
      const missing = await caught(client.indices.delete({ index: INDEX }))
      expect(missing.statusCode).toBe(404)
      expect(missing.body).toEqual({
        error: {
          root_cause: [expect.objectContaining({ type: "index_not_found_exception" })],
          type: "index_not_found_exception",
          reason: "no such index [products]",
          "resource.type": "index_or_alias",
          "resource.id": INDEX,
          index_uuid: "_na_",
          index: INDEX,
        },
        status: 404,
      })
    })
  })

  describe("aliases", () => {
    it("searches and writes through an alias", async () => {
      const client = connect()
      await client.indices.create({ index: "products-v1", body: { mappings: MAPPINGS, aliases: { [INDEX]: {} } } })
      await client.index({ index: INDEX, id: "p1", body: PRODUCTS[0], refresh: "true" })
      expect(fixture.indices.get("products-v1")!.documents.has("p1")).toBe(true)
      const { body } = await client.search({ index: INDEX, body: { query: { match: { title: "cotton" } } } })
      expect(body.hits.hits).toEqual([expect.objectContaining({ _index: "products-v1", _id: "p1" })])

      await client.indices.create({ index: "products-v2", body: { mappings: MAPPINGS } })
      await client.indices.updateAliases({ body: { actions: [{ remove: { index: "products-v1", alias: INDEX } }, { add: { index: "products-v2", alias: INDEX } }] } })
      expect((await client.indices.getAlias({ name: INDEX })).body).toEqual({ "products-v2": { aliases: { [INDEX]: {} } } })
      expect((await client.count({ index: INDEX })).body.count).toBe(0)
    })
  })

  describe("documents and _bulk", () => {
    it("reports per-item errors in a bulk and indexes every other item", async () => {
      const client = connect()
      await client.indices.create({ index: INDEX, body: { mappings: MAPPINGS } })
      const bad = { index: { _index: INDEX, _id: "p-bad" } }
      const body = [...bulkBody(PRODUCTS.slice(0, 10)), bad, { title: "Broken", price: "cheap" }, ...bulkBody(PRODUCTS.slice(10))]

      const { body: result } = await client.bulk({ body })

      expect(result.errors).toBe(true)
      expect(result.items).toHaveLength(21)
      expect(result.items[10]).toEqual({
        index: {
          _index: INDEX,
          _id: "p-bad",
          status: 400,
          error: {
            type: "mapper_parsing_exception",
            reason: "failed to parse field [price] of type [float] in document with id 'p-bad'. Preview of field's value: 'cheap'",
            caused_by: { type: "number_format_exception", reason: 'For input string: "cheap"' },
          },
        },
      })
      const others = result.items.filter((_: unknown, i: number) => i !== 10)
      expect(others.every((item: any) => item.index.status === 201 && item.index.result === "created" && !item.index.error)).toBe(true)
      expect(fixture.indices.get(INDEX)!.documents.size).toBe(20)
    })

    it("answers create conflicts, missing deletes, upserts and no-op updates per item", async () => {
      const client = connect()
      await seed(client)
      const { body } = await client.bulk({
        index: INDEX,
        body: [
          { create: { _id: "p1" } }, { title: "duplicate" },
          { delete: { _id: "missing" } },
          { update: { _id: "p99" } }, { doc: { title: "Upserted Hat", price: 10 }, doc_as_upsert: true },
          { update: { _id: "p2" } }, { doc: { price: 44.5 } },
          { update: { _id: "p5" } }, { doc: { brand: "nordic" } },
          { update: { _id: "p404" } }, { doc: { price: 1 } },
        ],
      })
      const [create, remove, upsert, update, noop, missingUpdate] = body.items
      expect(create.create).toMatchObject({ status: 409, error: { type: "version_conflict_engine_exception", reason: "[p1]: version conflict, document already exists (current version [1])" } })
      expect(remove.delete).toMatchObject({ status: 404, result: "not_found" })
      expect(remove.delete.error).toBeUndefined()
      expect(upsert.update).toMatchObject({ status: 201, result: "created", _version: 1 })
      expect(update.update).toMatchObject({ status: 200, result: "updated", _version: 2 })
      expect(noop.update).toMatchObject({ status: 200, result: "noop", _version: 1 })
      expect(missingUpdate.update).toMatchObject({ status: 404, error: { type: "document_missing_exception", reason: "[p404]: document missing" } })

      const { body: document } = await client.get({ index: INDEX, id: "p2" })
      expect(document).toMatchObject({ found: true, _version: 2, _source: { title: "Linen Summer Shirt", price: 44.5 } })
      const notFound = await caught(client.get({ index: INDEX, id: "nope" }))
      expect(notFound.statusCode).toBe(404)
      expect(notFound.body).toEqual({ _index: INDEX, _id: "nope", found: false })
    })

    it("auto-creates a missing index on bulk, with OpenSearch's dynamic mapping", async () => {
      const client = connect()
      const { body: result } = await client.bulk({
        body: [{ index: { _index: "events", _id: "e1" } }, { name: "Launch", attendees: 12, score: 4.5, public: true, at: "2024-05-01T09:00:00Z", venue: { city: "Oslo" } }],
      })
      expect(result.items[0].index).toMatchObject({ _index: "events", status: 201, result: "created" })
      const { body } = await client.indices.getMapping({ index: "events" })
      expect(body.events.mappings.properties).toEqual({
        name: { type: "text", fields: { keyword: { type: "keyword", ignore_above: 256 } } },
        attendees: { type: "long" },
        score: { type: "float" },
        public: { type: "boolean" },
        at: { type: "date" },
        venue: { properties: { city: { type: "text", fields: { keyword: { type: "keyword", ignore_above: 256 } } } } },
      })
    })
  })

  describe("refresh semantics", () => {
    it("keeps new documents out of search until a refresh, while GET is realtime", async () => {
      const client = connect()
      await client.indices.create({ index: INDEX, body: { settings: { refresh_interval: "-1" }, mappings: MAPPINGS } })
      await client.bulk({ body: bulkBody(PRODUCTS) })

      expect((await client.search({ index: INDEX })).body.hits.total).toEqual({ value: 0, relation: "eq" })
      expect((await client.count({ index: INDEX })).body.count).toBe(0)
      expect((await client.get({ index: INDEX, id: "p1" })).body.found).toBe(true)

      await client.indices.refresh({ index: INDEX })
      expect((await client.search({ index: INDEX })).body.hits.total).toEqual({ value: 20, relation: "eq" })

      const { body: written } = await client.index({ index: INDEX, id: "p21", body: { title: "Visible now" }, refresh: "true" })
      expect(written).toMatchObject({ result: "created", forced_refresh: true })
      expect((await client.count({ index: INDEX })).body.count).toBe(21)
    })

    it("refreshes on the default 1s interval, and ?refresh=wait_for waits for that refresh", async () => {
      const client = connect()
      await client.indices.create({ index: INDEX, body: { mappings: MAPPINGS } })
      await client.index({ index: INDEX, id: "p1", body: PRODUCTS[0] })
      expect((await client.count({ index: INDEX })).body.count).toBe(0)
      await sleep(1100)
      expect((await client.count({ index: INDEX })).body.count).toBe(1)

      const started = Date.now()
      await client.index({ index: INDEX, id: "p2", body: PRODUCTS[1], refresh: "wait_for" })
      expect(Date.now() - started).toBeGreaterThanOrEqual(900)
      expect((await client.count({ index: INDEX })).body.count).toBe(2)
    }, 15_000) // two real refresh intervals: more than jest's default 5 s on a loaded machine
  })

  describe("search", () => {
    let client: Client
    beforeEach(async () => {
      client = connect()
      await seed(client)
    })

    it("finds a misspelled query with fuzzy multi_match, title matches (boost 3) first", async () => {
      const query = (fuzziness?: string) => ({ multi_match: { query: "shrit", fields: ["title^3", "description"], ...(fuzziness && { fuzziness }) } })
      expect((await client.search({ index: INDEX, body: { query: query() } })).body.hits.total.value).toBe(0)

      const { body } = await client.search({ index: INDEX, body: { query: query("AUTO") } })
      // "shrit" → "shirt" is one transposition: within AUTO's single edit for a 5-letter term.
      expect(new Set(ids(body).slice(0, 4))).toEqual(new Set(["p1", "p2", "p3", "p11"]))
      expect(ids(body)[4]).toBe("p4") // "shirt" only in its description
      expect(body.hits.hits[0]._score).toBe(body.hits.max_score)
      expect(body.hits.hits[3]._score).toBeGreaterThan(body.hits.hits[4]._score)
    })

    it("filters with bool filter / must_not without scoring", async () => {
      const { body } = await client.search({
        index: INDEX,
        body: {
          query: {
            bool: {
              filter: [
                { term: { brand: "acme" } },
                { terms: { category: ["shirts", "pants"] } },
                { range: { price: { gte: 15, lt: 60 } } },
                { exists: { field: "created_at" } },
              ],
              must_not: [{ term: { in_stock: false } }],
            },
          },
        },
      })
      expect(ids(body)).toEqual(["p1", "p4"])
      expect(body.hits.max_score).toBe(0)
    })

    it("matches nested variants object by object", async () => {
      const nested = (filters: object[]) => ({ nested: { path: "variants", query: { bool: { filter: filters } } } })
      const search = async (query: object) => ids((await client.search({ index: INDEX, body: { query } })).body)

      expect(await search(nested([{ term: { "variants.sku": "SH-1-M" } }]))).toEqual(["p1"])
      expect(await search(nested([{ term: { "variants.size": "M" } }, { term: { "variants.color": "white" } }]))).toEqual(["p1"])
      // S exists in p1 and blue in p2, but never in the same variant.
      expect(await search(nested([{ term: { "variants.size": "S" } }, { term: { "variants.color": "blue" } }]))).toEqual([])
      // Nested fields are hidden documents: a top-level query cannot see them.
      expect(await search({ term: { "variants.sku": "SH-1-M" } })).toEqual([])
    })

    it("aggregates facets and price statistics", async () => {
      const { body } = await client.search({
        index: INDEX,
        body: {
          size: 0,
          aggs: {
            brands: { terms: { field: "brand", size: 3 } },
            price: { stats: { field: "price" } },
            price_bands: { range: { field: "price", ranges: [{ to: 50 }, { from: 50, to: 150 }, { from: 150 }] } },
            in_stock: { filter: { term: { in_stock: true } } },
            variants: { nested: { path: "variants" }, aggs: { sizes: { terms: { field: "variants.size" } } } },
          },
        },
      })
      expect(body.hits.hits).toEqual([])
      const { brands, price, price_bands, in_stock, variants } = body.aggregations
      expect(brands).toEqual({
        doc_count_error_upper_bound: 0,
        sum_other_doc_count: 5,
        buckets: [{ key: "acme", doc_count: 5 }, { key: "nordic", doc_count: 5 }, { key: "stride", doc_count: 5 }],
      })
      // float fields hold 32-bit values, so the stats show float precision, as OpenSearch's do.
      const prices = PRODUCTS.flatMap(({ price }) => (price === undefined ? [] : [Math.fround(price)]))
      expect(price).toMatchObject({ count: 19, min: Math.fround(9.99), max: 250 })
      expect(price.sum).toBeCloseTo(prices.reduce((a, b) => a + b, 0), 6)
      expect(price.avg).toBeCloseTo(price.sum / 19, 6)
      expect(price_bands.buckets.map(({ key, doc_count }: any) => [key, doc_count])).toEqual([["*-50.0", 10], ["50.0-150.0", 6], ["150.0-*", 3]])
      expect(in_stock.doc_count).toBe(17)
      expect(variants).toEqual({ doc_count: 4, sizes: expect.objectContaining({ buckets: [{ key: "M", doc_count: 2 }, { key: "L", doc_count: 1 }, { key: "S", doc_count: 1 }] }) })
    })

    it("sorts ascending and descending with missing values last, and paginates with a total", async () => {
      const sorted = async (order: "asc" | "desc", extra: object = {}) =>
        (await client.search({ index: INDEX, body: { sort: [{ price: order }], size: 20, ...extra } })).body
      const ascending = await sorted("asc")
      expect(ids(ascending).slice(0, 3)).toEqual(["p18", "p14", "p11"])
      expect(ascending.hits.hits[0]).toMatchObject({ _score: null, sort: [9.99] })
      expect(ids(ascending).at(-1)).toBe("p20")
      const descending = await sorted("desc")
      expect(ids(descending).slice(0, 2)).toEqual(["p13", "p7"])
      expect(ids(descending).at(-1)).toBe("p20")

      const page = await client.search({ index: INDEX, body: { sort: [{ price: "asc" }], from: 5, size: 5, _source: ["title", "price"] } })
      expect(page.body.hits.total).toEqual({ value: 20, relation: "eq" })
      expect(ids(page.body)).toEqual(ids(ascending).slice(5, 10))
      expect(page.body.hits.hits[0]._source).toEqual({ title: PRODUCTS.find((p) => p.id === ids(ascending)[5])!.title, price: expect.any(Number) })
    })

    it("runs two searches in ONE _msearch request, each answering with its own status", async () => {
      const before = fixture.requests.count
      const { body } = await client.msearch({
        body: [{ index: INDEX }, { query: { match: { title: "sweater" } } }, { index: "nope" }, { query: { match_all: {} } }],
      })
      expect(fixture.requests.count - before).toBe(1)
      expect(fixture.requests.log.at(-1)).toMatchObject({ method: "POST", path: "/_msearch" })
      expect(body.responses[0]).toMatchObject({ status: 200, hits: { total: { value: 2 } } })
      expect(new Set(ids(body.responses[0]))).toEqual(new Set(["p6", "p7"]))
      expect(body.responses[1]).toMatchObject({ status: 404, error: { type: "index_not_found_exception" } })
    })

    it("counts, deletes by query, and lists indices", async () => {
      expect((await client.count({ index: INDEX, body: { query: { term: { in_stock: false } } } })).body.count).toBe(3)

      const { body: deleted } = await client.deleteByQuery({ index: INDEX, body: { query: { term: { category: "accessories" } } } })
      expect(deleted).toMatchObject({ total: 6, deleted: 6, version_conflicts: 0, failures: [] })
      expect((await client.count({ index: INDEX })).body.count).toBe(20) // deletes await a refresh too
      await client.indices.refresh({ index: INDEX })
      expect((await client.count({ index: INDEX })).body.count).toBe(14)

      const { body: rows } = await client.cat.indices({ format: "json" })
      // docs.count is Lucene's: the 4 nested variants of p1–p3 count as hidden documents, as in OpenSearch.
      expect(rows).toEqual([expect.objectContaining({ index: INDEX, health: "green", status: "open", "docs.count": "18" })])
    })

    it("supports search-as-you-type with match_phrase_prefix and bool_prefix", async () => {
      const phrase = await client.search({ index: INDEX, body: { query: { match_phrase_prefix: { title: "leather b" } } } })
      expect(new Set(ids(phrase.body))).toEqual(new Set(["p9", "p16"]))
      const boolPrefix = await client.search({ index: INDEX, body: { query: { multi_match: { query: "cotton sh", type: "bool_prefix", fields: ["title"] } } } })
      expect(ids(boolPrefix.body)[0]).toBe("p1")
    })

    it("answers OpenSearch's errors for a missing index, an unknown query and a sort on a text field", async () => {
      const missing = await caught(client.search({ index: "nope", body: { query: { match_all: {} } } }))
      expect(missing.statusCode).toBe(404)
      expect(missing.body.error).toMatchObject({ type: "index_not_found_exception", reason: "no such index [nope]", index: "nope" })

      const unknown = await caught(client.search({ index: INDEX, body: { query: { fuzzy_match: { title: "shirt" } } } }))
      expect(unknown.statusCode).toBe(400)
      expect(unknown.body.error).toMatchObject({
        root_cause: [{ type: "parsing_exception", reason: "unknown query [fuzzy_match]", line: 1, col: 25 }],
        type: "parsing_exception",
        caused_by: { type: "named_object_not_found_exception", reason: "[1:25] unknown field [fuzzy_match]" },
      })

      const textSort = await caught(client.search({ index: INDEX, body: { sort: ["title"] } }))
      expect(textSort.statusCode).toBe(400)
      expect(textSort.body.error.type).toBe("search_phase_execution_exception")
      expect(textSort.body.error.root_cause[0]).toEqual({
        type: "illegal_argument_exception",
        reason: expect.stringMatching(/^Text fields are not optimised for operations that require per-document field data .* set fielddata=true on \[title\]/),
      })
      expect((await client.search({ index: INDEX, body: { sort: ["title.keyword"], size: 1 } })).body.hits.hits[0]._id).toBe("p14")

      await client.indices.delete({ index: INDEX })
      expect((await caught(client.count({ index: INDEX }))).body.error.type).toBe("index_not_found_exception")
    })
  })

  describe("faults", () => {
    it("delivers a scripted 429 to the client as a ResponseError, then recovers", async () => {
      const client = connect({ maxRetries: 0 })
      fixture.failNext(1, { status: 429, headers: { "retry-after": "2" } })
      const error = await caught(client.search({ index: INDEX }))
      expect(error).toBeInstanceOf(errors.ResponseError)
      expect(error.statusCode).toBe(429)
      expect(error.headers["retry-after"]).toBe("2")
      expect(error.body.error.type).toBe("rejected_execution_exception")
      expect((await client.info()).statusCode).toBe(200)
    })

    it("lets the client's own retry get past a scripted 503", async () => {
      fixture.failNext(1, { status: 503 })
      expect((await connect().cluster.health()).body.status).toBe("green")
      expect(fixture.requests.log.map(({ path }) => path)).toEqual(["/_cluster/health", "/_cluster/health"])
    })

    it("drops every connection while down, which the client reports as a ConnectionError", async () => {
      const client = connect({ maxRetries: 0 })
      await client.info() // leaves a kept-alive socket for setDown to destroy
      fixture.setDown(true)
      const error = await caught(client.info())
      expect(error).toBeInstanceOf(errors.ConnectionError)
      fixture.setDown(false)
      expect((await client.info()).statusCode).toBe(200)
    })
  })
})
