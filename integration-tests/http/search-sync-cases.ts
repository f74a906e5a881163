import type { ISearchModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { QUEUE_MODULE } from "../../src/modules/queue"
import type QueueModuleService from "../../src/modules/queue/service"
import { SEARCH_SYNC_QUEUE } from "../../src/search-sync/options"
import { reconcileSearchIndexes } from "../../src/search-sync/reconcile"
import { createAdminHeaders } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { buildProductIndex } from "../helpers/search"

/** What the cases need of an engine's fixture. */
export interface EngineFixture {
  setDown(down: boolean): void
  reset(): void
  close(): Promise<void>
}

/**
 * The catalogue-to-search cases, run by one spec per engine. The spec sets the engine's env at its top
 * (medusa-config reads it on load) and passes the fixture it started on load: the runner migrates the
 * search indexes in a beforeAll that runs before the suite's own.
 */
export function searchSyncSuite(engineStarting: Promise<EngineFixture>) {
  Object.assign(process.env, { COMMERCE_BRIDGE_SEARCH_ATTEMPTS: "20", COMMERCE_BRIDGE_SEARCH_BACKOFF_MS: "100" })

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let engine: EngineFixture
      let catalogue: Catalogue
      let admin: { headers: Record<string, string> }

      beforeAll(async () => {
        engine = await engineStarting
      })
      afterAll(() => engine.close())

      beforeEach(async () => {
        engine.reset()
        catalogue = await setUpCatalogue(getContainer())
        await buildProductIndex(getContainer())
        admin = await createAdminHeaders(getContainer(), api)
      })

      const storeSearch = async (filters: Record<string, unknown>) => {
        const { data } = await api.post(
          "/store/search",
          { entity: "product", filters, fields: ["id", "title", "prices.eur.min", "in_stock", "inventory_quantity", "categories"] },
          { headers: { "x-publishable-api-key": catalogue.publishableKey } }
        )
        return data.results[0]
      }
      const titlesFor = async (q: string) => (await storeSearch({ q })).hits.map((hit: any) => hit.document.title)

      it("finds a product created in the admin, with its price, stock and category, through /store/search", async () => {
        const { data } = await api.post("/admin/product-categories", { name: "Knitwear", is_active: true }, admin)
        await createProduct(api, admin, catalogue, { title: "Alpaca cardigan", eur: 129, stock: 4, category_ids: [data.product_category.id] })

        // Typo tolerant; the stock arrives with the inventory level, a moment after the product.
        await eventually(async () => {
          const { hits } = await storeSearch({ q: "alpacca" })
          expect(hits.map((hit: any) => hit.document)).toEqual([
            expect.objectContaining({ title: "Alpaca cardigan", prices: { eur: { min: 129 } }, in_stock: true, inventory_quantity: 4, categories: ["Knitwear"] }),
          ])
        })
      })

      it("follows a price change, stock falling to zero and deletion", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Merino beanie", eur: 35, stock: 2 })
        await eventually(async () => expect(await titlesFor("merino")).toEqual(["Merino beanie"]))

        await api.post(`/admin/products/${product.id}/variants/${product.variants[0].id}`, { prices: [{ currency_code: "eur", amount: 19 }] }, admin)
        await eventually(async () => {
          const result = await storeSearch({ q: "merino", "prices.eur.min": { $lte: 20 } })
          expect(result.hits.map((hit: any) => hit.document.prices.eur.min)).toEqual([19])
        })

        await api.post(`/admin/inventory-items/${product.inventoryItemId}/location-levels/${catalogue.locationId}`, { stocked_quantity: 0 }, admin)
        await eventually(async () => {
          const result = await storeSearch({ q: "merino" })
          expect(result.hits.map((hit: any) => [hit.document.in_stock, hit.document.inventory_quantity])).toEqual([[false, 0]])
        })

        await api.delete(`/admin/products/${product.id}`, admin)
        await eventually(async () => expect(await titlesFor("merino")).toEqual([]))
      })

      it("rewrites every product of a category or collection that is renamed", async () => {
        const { data: category } = await api.post("/admin/product-categories", { name: "Hats", is_active: true }, admin)
        const { data: collection } = await api.post("/admin/collections", { title: "Autumn" }, admin)
        const product = await createProduct(api, admin, catalogue, { title: "Felt fedora", eur: 60, category_ids: [category.product_category.id] })
        await api.post(`/admin/collections/${collection.collection.id}/products`, { add: [product.id] }, admin)
        const documentOf = async () => (await api.post(
          "/store/search",
          { entity: "product", filters: { q: "fedora" }, fields: ["id", "categories", "collection"] },
          { headers: { "x-publishable-api-key": catalogue.publishableKey } }
        )).data.results[0].hits.map((hit: any) => hit.document)
        await eventually(async () => expect(await documentOf()).toEqual([expect.objectContaining({ categories: ["Hats"], collection: "Autumn" })]))

        await api.post(`/admin/product-categories/${category.product_category.id}`, { name: "Headwear" }, admin)
        await api.post(`/admin/collections/${collection.collection.id}`, { title: "Autumn/Winter" }, admin)
        await eventually(async () => expect(await documentOf()).toEqual([expect.objectContaining({ categories: ["Headwear"], collection: "Autumn/Winter" })]))
      })

      it("reconciles: a product whose document went missing is found again after the scheduled check", async () => {
        await createProduct(api, admin, catalogue, { title: "Corduroy trousers", eur: 79 })
        const [hit] = await eventually(async () => {
          const { hits } = await storeSearch({ q: "corduroy" })
          expect(hits).toHaveLength(1)
          return hits
        })
        const search = getContainer().resolve<ISearchModuleService>(Modules.SEARCH)
        await search.deleteDocuments({ index: "product", filters: { id: hit.id } })
        await eventually(async () => expect(await titlesFor("corduroy")).toEqual([]))

        const productReport = async () => (await reconcileSearchIndexes(getContainer())).find((report) => report.index === "product")
        expect(await productReport()).toMatchObject({ entity: "product", outcome: "repaired", missing: 1, stale: 0 })
        await eventually(async () => expect(await titlesFor("corduroy")).toEqual(["Corduroy trousers"]))
        expect(await productReport()).toMatchObject({ outcome: "in_step", missing: 0, stale: 0 })
      })

      it("answers a flagged empty result while the engine is down, and applies the writes made meanwhile once it is back", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Tweed cap", eur: 45 })
        await eventually(async () => expect(await titlesFor("tweed")).toEqual(["Tweed cap"]))

        engine.setDown(true)
        const degraded = await storeSearch({ q: "tweed" })
        expect(degraded.hits).toEqual([])
        expect(degraded.provider_metadata).toMatchObject({ degraded: true, message: expect.stringContaining("temporarily unavailable") })

        await api.post(`/admin/products/${product.id}`, { title: "Tweed flat cap" }, admin)
        const queues = getContainer().resolve<QueueModuleService>(QUEUE_MODULE)
        await eventually(async () => {
          const counts = await queues.counts(SEARCH_SYNC_QUEUE)
          expect(counts.delayed + counts.failed).toBeGreaterThan(0)
        })

        engine.setDown(false)
        await eventually(async () => expect(await titlesFor("tweed")).toEqual(["Tweed flat cap"]), 20_000)
      })
    },
  })
}
