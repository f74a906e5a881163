import type { ISearchModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { QUEUE_MODULE } from "../../src/modules/queue"
import type QueueModuleService from "../../src/modules/queue/service"
import { SEARCH_SYNC_QUEUE } from "../../src/search-sync/options"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { buildProductIndex } from "../helpers/search"

jest.setTimeout(180 * 1000)

// The default engine, PostgreSQL, whatever another spec in this process or a local .env chose.
for (const name of ["SEARCH_PROVIDER", "MEILISEARCH_HOST", "OPENSEARCH_NODE"]) delete process.env[name]
process.env.COMMERCE_BRIDGE_SEARCH_BACKOFF_MS = "100"

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let catalogue: Catalogue
    let products: { id: string }[]
    let createdAt: Date

    const search = () => getContainer().resolve<ISearchModuleService>(Modules.SEARCH)
    const status = async () => (await api.get("/admin/commerce-bridge/search", admin)).data
    const productIndex = async () => (await status()).indexes.find((index: any) => index.name === "product")
    const productStatus = async (id: string) => (await api.get(`/admin/commerce-bridge/search/products/${id}`, admin)).data
    const dropDocument = (id: string) => search().deleteDocuments({ index: "product", filters: { id: [id] } })

    /** The writes that product events queued have all run: nothing waits, runs or retries. */
    const syncSettled = () =>
      eventually(async () => {
        const counts = await getContainer().resolve<QueueModuleService>(QUEUE_MODULE).counts(SEARCH_SYNC_QUEUE)
        expect(counts.waiting + counts.active + counts.delayed + counts.failed).toBe(0)
      }, 30_000)

    beforeEach(async () => {
      catalogue = await setUpCatalogue(getContainer())
      await buildProductIndex(getContainer())
      admin = await createAdminHeaders(getContainer(), api)
      createdAt = new Date()
      products = []
      for (const [title, eur] of [["Wool scarf", 40], ["Linen apron", 25], ["Oak tray", 60]] as const) {
        products.push(await createProduct(api, admin, catalogue, { title, eur }))
      }
      await eventually(async () => expect((await productIndex()).documents).toBe(3), 30_000)
      await syncSettled()
    })

    it("counts the product index's documents against the catalogue, with its engine, last write, last sync and queue", async () => {
      const data = await status()
      expect(data.provider).toEqual({ id: "search-postgres", engine: "postgres" })
      // The dev store keeps a category and a collection index beside the product index.
      expect(data.indexes.map((index: any) => index.name).sort()).toEqual(["category", "collection", "product"])
      const index = data.indexes.find((entry: any) => entry.name === "product")
      expect(index).toMatchObject({
        entity: "product",
        provider: "search-postgres",
        status: "ready",
        documents: 3,
        products: 3,
        drift: 0,
        degraded: false,
        message: null,
      })
      expect(index.last_write_at).toMatch(ISO)
      expect(new Date(index.last_write_at).getTime()).toBeGreaterThanOrEqual(createdAt.getTime())
      // The index was built before the products existed: that run synced none.
      expect(index.last_sync).toEqual({ status: "done", documents_synced: 0, started_at: expect.stringMatching(ISO), completed_at: expect.stringMatching(ISO), error: null })
      expect(data.queue).toEqual({ waiting: 0, delayed: 0, failed: 0, dead: 0 })
    })

    it("shows drift while the index misses a product, and Medusa's reindex route brings it back with its progress recorded", async () => {
      await dropDocument(products[0].id)
      const stale = await productIndex()
      expect(stale).toMatchObject({ documents: 2, products: 3, drift: 1 })

      const reindex = await api.post("/admin/search-indexes/product/reindex", {}, admin)
      expect(reindex.status).toBe(202)
      const rebuilt = await eventually(async () => {
        const index = await productIndex()
        expect(index.last_sync).toMatchObject({ status: "done", documents_synced: 3, error: null })
        expect(index.last_sync.started_at).not.toBe(stale.last_sync.started_at)
        return index
      }, 30_000)
      expect(rebuilt).toMatchObject({ status: "ready", documents: 3, products: 3, drift: 0 })
      expect(new Date(rebuilt.last_sync.completed_at).getTime()).toBeGreaterThanOrEqual(new Date(rebuilt.last_sync.started_at).getTime())
    })

    it("reports a product indexed and up to date, stale once it changed without reaching the index, and current again after its reindex", async () => {
      const [product] = products
      const indexed = await productStatus(product.id)
      expect(indexed.product).toEqual({ id: product.id, updated_at: expect.stringMatching(ISO) })
      expect(indexed.indexes).toEqual([
        { name: "product", indexed: true, indexed_at: expect.stringMatching(ISO), up_to_date: true, degraded: false, message: null },
      ])

      // A change that emits no event, as a direct database write would be.
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex("product").where({ id: product.id }).update({ updated_at: knex.raw("updated_at + interval '1 minute'") })
      const stale = await productStatus(product.id)
      expect(stale.indexes[0]).toMatchObject({ indexed: true, indexed_at: indexed.indexes[0].indexed_at, up_to_date: false })

      const queued = await api.post(`/admin/commerce-bridge/search/products/${product.id}/reindex`, {}, admin)
      expect(queued.status).toBe(202)
      expect(queued.data).toEqual({ job_id: expect.any(String) })
      const current = await eventually(async () => {
        const { indexes } = await productStatus(product.id)
        expect(indexes[0]).toMatchObject({ indexed: true, up_to_date: true })
        return indexes[0]
      }, 30_000)
      expect(new Date(current.indexed_at).getTime()).toBeGreaterThan(new Date(indexed.indexes[0].indexed_at).getTime())
    })

    it("reindexes a product missing from the index, which ends the drift", async () => {
      const [, product] = products
      await dropDocument(product.id)
      expect((await productStatus(product.id)).indexes[0]).toMatchObject({ indexed: false, indexed_at: null, up_to_date: false, degraded: false })

      await api.post(`/admin/commerce-bridge/search/products/${product.id}/reindex`, {}, admin)
      await eventually(async () => expect((await productStatus(product.id)).indexes[0]).toMatchObject({ indexed: true, up_to_date: true }), 30_000)
      expect(await productIndex()).toMatchObject({ documents: 3, products: 3, drift: 0 })
    })

    it("answers 404 naming an unknown product, 400 for a malformed id or body, and 401 without a session", async () => {
      const unknown = await responseOf(api.get("/admin/commerce-bridge/search/products/prod_missing", admin))
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("prod_missing")
      const unknownReindex = await responseOf(api.post("/admin/commerce-bridge/search/products/prod_missing/reindex", {}, admin))
      expect(unknownReindex.status).toBe(404)
      expect(unknownReindex.data.message).toContain("prod_missing")

      const malformed = await responseOf(api.get("/admin/commerce-bridge/search/products/not%20an%20id", admin))
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toMatch(/\bid\b/)
      const badBody = await responseOf(api.post(`/admin/commerce-bridge/search/products/${products[0].id}/reindex`, { strategy: "swap" }, admin))
      expect(badBody.status).toBe(400)
      expect(badBody.data.message).toContain("strategy")

      expect((await responseOf(api.get("/admin/commerce-bridge/search"))).status).toBe(401)
    })
  },
})
