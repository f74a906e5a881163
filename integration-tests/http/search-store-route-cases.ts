import type { ISearchModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ensureRegions } from "../../src/scripts/seed/store-setup"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { buildProductIndex } from "../helpers/search"

const DROP_IN = "/store/commerce-bridge/products"
const NATIVE = "/store/products"
const HEADER = "x-commerce-bridge-search"
const REASON = "x-commerce-bridge-search-reason"
const PRICED = "*variants.calculated_price,+variants.inventory_quantity"

/** What the cases need of an engine: a way to take it down, and back up. */
export interface StoreRouteEngine {
  /** Makes the engine unreachable; returns how to bring it back. */
  takeDown(container: MedusaContainer): Promise<() => void> | (() => void)
  reset?(): void
  close?(): Promise<void>
}

type Params = Record<string, unknown>

/**
 * Parity of `GET /store/commerce-bridge/products` with Medusa's `GET /store/products`, run by one spec per
 * engine. The spec sets the engine's env at its top (medusa-config reads it on load).
 */
export function storeRouteSuite(engineStarting: Promise<StoreRouteEngine>) {
  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let engine: StoreRouteEngine
      let catalogue: Catalogue
      let admin: { headers: Record<string, string> }
      let key: { headers: Record<string, string> }

      beforeAll(async () => {
        engine = await engineStarting
      })
      afterAll(() => engine.close?.())

      beforeEach(async () => {
        engine.reset?.()
        catalogue = await setUpCatalogue(getContainer())
        admin = await createAdminHeaders(getContainer(), api)
        key = { headers: { "x-publishable-api-key": catalogue.publishableKey } }
        await buildProductIndex(getContainer())
      })

      const get = (path: string, params: Params = {}) => responseOf(api.get(path, { ...key, params }))
      const both = async (params: Params = {}) => {
        const [dropIn, native] = await Promise.all([get(DROP_IN, params), get(NATIVE, params)])
        expect(native.status).toBe(200)
        expect(dropIn.status).toBe(200)
        return { dropIn, native }
      }
      const ids = (response: any) => response.data.products.map((product: any) => product.id)
      const titles = (response: any) => response.data.products.map((product: any) => product.title)

      /** The same products, in the same order, with the same count and page as the native route, answered by the engine. */
      const expectSameOrder = async (params: Params) => {
        const { dropIn, native } = await both(params)
        expect(dropIn.headers[HEADER]).toBe("engine")
        expect(titles(dropIn)).toEqual(titles(native))
        expect({ ...dropIn.data, products: ids(dropIn) }).toEqual({ ...native.data, products: ids(native) })
        return { dropIn, native }
      }
      const expectSameSet = async (params: Params) => {
        const { dropIn, native } = await both(params)
        expect(dropIn.headers[HEADER]).toBe("engine")
        expect([...titles(dropIn)].sort()).toEqual([...titles(native)].sort())
        expect(dropIn.data.count).toBe(native.data.count)
        return { dropIn, native }
      }
      /** Waits until the engine answers with all `count` products (the worker indexes them a moment after they are saved). */
      const waitForIndex = (count: number) =>
        eventually(async () => {
          const response = await get(DROP_IN)
          expect(response.headers[HEADER]).toBe("engine")
          expect(response.data.count).toBe(count)
        }, 60_000)

      const createCatalogue = async () => {
        const { data: category } = await api.post("/admin/product-categories", { name: "Knitwear", is_active: true }, admin)
        const { data: collection } = await api.post("/admin/collections", { title: "Autumn" }, admin)
        const knitwear = category.product_category.id
        const autumn = collection.collection.id
        // One at a time, so each has its own created_at.
        for (const product of [
          { title: "Alpaca cardigan", eur: 129, usd: 139, stock: 4, category_ids: [knitwear], collection_id: autumn },
          { title: "Wool scarf", eur: 35, description: "Knitted to go with any cardigan", category_ids: [knitwear] },
          { title: "Linen shirt", eur: 59, usd: 65, collection_id: autumn },
          { title: "Denim jacket", eur: 149, stock: 0 },
          { title: "Cotton tee", eur: 19, usd: 21, stock: 12 },
          { title: "Merino beanie", eur: 25, category_ids: [knitwear] },
        ]) {
          await createProduct(api, admin, catalogue, product)
        }
        await waitForIndex(6)
        return { knitwear, autumn }
      }

      it("lists, filters, sorts and pages the same products as /store/products", async () => {
        const { knitwear, autumn } = await createCatalogue()

        await expectSameSet({})
        for (const order of ["title", "-title", "created_at", "-created_at"]) {
          await expectSameOrder({ order })
        }
        const pages = []
        for (const offset of [0, 2, 4, 6]) {
          const { dropIn } = await expectSameOrder({ order: "title", limit: 2, offset })
          expect(dropIn.data).toMatchObject({ count: 6, offset, limit: 2 })
          pages.push(...titles(dropIn))
        }
        expect(pages).toEqual(["Alpaca cardigan", "Cotton tee", "Denim jacket", "Linen shirt", "Merino beanie", "Wool scarf"])
        await expectSameOrder({ order: "-title", limit: 0 })
        await expectSameOrder({ order: "title", offset: 10 })

        const { dropIn: knitted } = await expectSameSet({ category_id: [knitwear] })
        expect(knitted.data.count).toBe(3)
        await expectSameOrder({ category_id: knitwear, order: "-created_at" })
        const { dropIn: autumnal } = await expectSameSet({ collection_id: [autumn] })
        expect([...titles(autumnal)].sort()).toEqual(["Alpaca cardigan", "Linen shirt"])
        await expectSameOrder({ collection_id: autumn, category_id: knitwear, order: "title" })

        // Free text: the same matches; the engine ranks the title match above the description match.
        const { dropIn: cardigans } = await expectSameSet({ q: "cardigan" })
        expect(titles(cardigans)).toEqual(["Alpaca cardigan", "Wool scarf"])
        await expectSameOrder({ q: "cardigan", order: "-title" })
      })

      it("returns the same calculated prices, taxes and inventory quantities as /store/products", async () => {
        const regions = await ensureRegions(getContainer())
        await api.post(
          "/admin/tax-regions",
          { country_code: "de", provider_id: "tp_system", default_tax_rate: { rate: 19, code: "DE19", name: "Germany VAT" } },
          admin
        )
        await api.post(`/admin/regions/${regions["Europe"]}`, { automatic_taxes: true }, admin)
        await createCatalogue()

        const europe = { region_id: regions["Europe"], order: "title" }
        const { dropIn, native } = await expectSameOrder({ ...europe, country_code: "de", fields: PRICED })
        expect(dropIn.data.products).toEqual(native.data.products)
        const cardigan = dropIn.data.products.find((product: any) => product.title === "Alpaca cardigan").variants[0]
        expect(cardigan.inventory_quantity).toBe(4)
        expect(cardigan.calculated_price).toMatchObject({ currency_code: "eur", calculated_amount: 129, calculated_amount_with_tax: expect.closeTo(153.51, 2) })

        for (const params of [
          { ...europe, fields: PRICED },
          { ...europe, limit: 3, offset: 3 },
          { region_id: regions["North America"], order: "-created_at", fields: PRICED },
        ]) {
          const pair = await both(params)
          expect(pair.dropIn.headers[HEADER]).toBe("engine")
          expect(pair.dropIn.data).toEqual(pair.native.data)
        }
      })

      it("sorts by the pricing currency's lowest price, which the native route cannot do", async () => {
        const regions = await ensureRegions(getContainer())
        await createCatalogue()
        const response = await get(DROP_IN, { region_id: regions["Europe"], order: "variants.calculated_price", fields: "title" })
        expect(response.headers[HEADER]).toBe("engine")
        expect(titles(response)).toEqual(["Cotton tee", "Merino beanie", "Wool scarf", "Linen shirt", "Alpaca cardigan", "Denim jacket"])
        const descending = await get(DROP_IN, { region_id: regions["Europe"], order: "-variants.calculated_price", limit: 2 })
        expect(titles(descending)).toEqual(["Denim jacket", "Alpaca cardigan"])
        expect(descending.data.products[0].variants[0].calculated_price.calculated_amount).toBe(149)

        // Without a pricing context there is no currency to sort by: Medusa lists, in its default order.
        const unpriced = await get(DROP_IN, { order: "variants.calculated_price" })
        expect(unpriced.status).toBe(200)
        expect([unpriced.headers[HEADER], unpriced.headers[REASON]]).toEqual(["fallback", "unsupported:order"])
        expect(unpriced.data.count).toBe(6)
      })

      it("lists only the products of the publishable key's sales channels", async () => {
        const { data } = await api.post("/admin/sales-channels", { name: "Outlet" }, admin)
        const poncho = await createProduct(api, admin, catalogue, { title: "Outlet poncho", eur: 20, sales_channel_id: data.sales_channel.id })
        await createProduct(api, admin, catalogue, { title: "Tweed cap", eur: 45 })
        await waitForIndex(1)
        const search = getContainer().resolve<ISearchModuleService>(Modules.SEARCH)
        await eventually(async () => expect((await search.search({ entity: "product", filters: { id: poncho.id } })).hits).toHaveLength(1), 60_000)

        const { dropIn, native } = await expectSameOrder({ order: "title" })
        expect(titles(dropIn)).toEqual(["Tweed cap"])
        expect(titles(native)).toEqual(["Tweed cap"])
        const byText = await expectSameSet({ q: "poncho" })
        expect(byText.dropIn.data.products).toEqual([])

        const other = await get(DROP_IN, { sales_channel_id: data.sales_channel.id })
        expect(other.status).toBe(400)
        expect(other.data).toEqual((await get(NATIVE, { sales_channel_id: data.sales_channel.id })).data)
      })

      it("rejects bad params with the native route's 400, naming the param", async () => {
        for (const [params, named] of [
          [{ colour: "red" }, "colour"],
          [{ limit: "many" }, "limit"],
          [{ order: "price" }, "price"],
        ] as const) {
          const [dropIn, native] = await Promise.all([get(DROP_IN, params), get(NATIVE, params)])
          expect(dropIn.status).toBe(400)
          expect(dropIn.data).toEqual(native.data)
          expect(dropIn.data.message).toContain(named)
        }
        const keyless = await responseOf(api.get(DROP_IN))
        expect(keyless.status).toBe(400)
        expect(keyless.data).toEqual((await responseOf(api.get(NATIVE))).data)
      })

      it("lets Medusa answer a filter the index does not hold, and says so", async () => {
        await createCatalogue()
        const { dropIn, native } = await both({ title: "Linen shirt" })
        expect(dropIn.headers[HEADER]).toBe("fallback")
        expect(dropIn.headers[REASON]).toBe("unsupported:title")
        expect(dropIn.data).toEqual(native.data)
        expect(titles(dropIn)).toEqual(["Linen shirt"])
      })

      it("falls back to Medusa's own listing while the engine is down, and says so", async () => {
        const regions = await ensureRegions(getContainer())
        await createCatalogue()
        const bringBack = await engine.takeDown(getContainer())
        try {
          for (const params of [
            { order: "title", limit: 4, offset: 1, region_id: regions["Europe"], fields: PRICED },
            { q: "cardigan", order: "-title" },
            { category_id: "pcat_none", order: "created_at" },
          ]) {
            const { dropIn, native } = await both(params)
            expect(dropIn.headers[HEADER]).toBe("fallback")
            expect(dropIn.headers[REASON]).toBe("engine_unreachable")
            expect(dropIn.data).toEqual(native.data)
          }
          // Medusa's query cannot sort by price (it answers 500): the fallback lists in Medusa's default order.
          const byPrice = await get(DROP_IN, { region_id: regions["Europe"], order: "-variants.calculated_price" })
          expect(byPrice.status).toBe(200)
          expect(byPrice.headers[HEADER]).toBe("fallback")
          expect([...titles(byPrice)].sort()).toEqual([...titles((await get(NATIVE, { region_id: regions["Europe"] })))].sort())
        } finally {
          bringBack()
        }
        await eventually(async () => expect((await get(DROP_IN)).headers[HEADER]).toBe("engine"), 20_000)
      })
    },
  })
}
