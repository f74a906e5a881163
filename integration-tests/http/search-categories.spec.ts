import type { ISearchModuleService, SearchFilters } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startMeilisearchFixture } from "../__fixtures__/meilisearch/server"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { Catalogue, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { buildSearchIndexes } from "../helpers/search"
import { reconcileSearchIndexes } from "../../src/search-sync/reconcile"
import { fixedPort } from "../helpers/local-server"

jest.setTimeout(300 * 1000)

// Meilisearch (the fixture, which can be taken down), with Medusa's Translation Module switched on: the
// dev store then keeps `category`, `category_de_de` and `collection` beside `product`.
const port = fixedPort(13)
Object.assign(process.env, {
  SEARCH_PROVIDER: "meilisearch",
  MEILISEARCH_HOST: `http://127.0.0.1:${port}`,
  MEDUSA_FF_TRANSLATION: "true",
  COMMERCE_BRIDGE_SEARCH_LOCALES: "de-DE",
  COMMERCE_BRIDGE_SEARCH_ATTEMPTS: "20",
  COMMERCE_BRIDGE_SEARCH_BACKOFF_MS: "100",
})
const fixtureStarting = startMeilisearchFixture({ port })

const DROP_IN = "/store/commerce-bridge/product-categories"
const NATIVE = "/store/product-categories"
const HEADER = "x-commerce-bridge-search"
const REASON = "x-commerce-bridge-search-reason"

type Params = Record<string, unknown>

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: Awaited<typeof fixtureStarting>
    let catalogue: Catalogue
    let admin: { headers: Record<string, string> }
    let key: { headers: Record<string, string> }

    beforeAll(async () => {
      fixture = await fixtureStarting
    })
    afterAll(() => fixture.close())

    beforeEach(async () => {
      fixture.reset()
      catalogue = await setUpCatalogue(getContainer())
      admin = await createAdminHeaders(getContainer(), api)
      key = { headers: { "x-publishable-api-key": catalogue.publishableKey } }
      await buildSearchIndexes(getContainer(), ["product", "category", "category_de_de", "collection"])
    })

    const search = () => getContainer().resolve<ISearchModuleService>(Modules.SEARCH)
    const documents = async (index: string, filters: SearchFilters = {}) =>
      (await search().search({ entity: index, filters, pagination: { take: 100, order: { id: "ASC" } } })).hits.map((hit) => hit.document as any)
    const documentOf = async (index: string, id: string) => (await documents(index, { id }))[0]

    const createCategory = async (body: Record<string, unknown>) =>
      (await api.post("/admin/product-categories", { is_active: true, ...body }, admin)).data.product_category

    const get = (path: string, params: Params = {}, headers: Record<string, string> = {}) =>
      responseOf(api.get(path, { headers: { ...key.headers, ...headers }, params }))
    const ids = (response: any) => response.data.product_categories.map((category: any) => category.id)
    const names = (response: any) => response.data.product_categories.map((category: any) => category.name)

    /**
     * The drop-in answers from the engine with the native route's answer: the same body, or (`compare: "ids"`)
     * the same categories in the same order, or (`compare: "set"`) the same categories; count and page alike.
     */
    const expectParity = async (params: Params, { compare = "body", from = "engine" }: { compare?: "body" | "ids" | "set"; from?: string } = {}) => {
      const [dropIn, native] = await Promise.all([get(DROP_IN, params), get(NATIVE, params)])
      expect([native.status, dropIn.status]).toEqual([200, 200])
      expect(dropIn.headers[HEADER]).toBe(from)
      if (compare === "body") expect({ params, data: dropIn.data }).toEqual({ params, data: native.data })
      else {
        const listed = (response: any) => (compare === "set" ? [...ids(response)].sort() : ids(response))
        expect({ params, ids: listed(dropIn) }).toEqual({ params, ids: listed(native) })
        expect({ ...dropIn.data, product_categories: [] }).toEqual({ ...native.data, product_categories: [] })
      }
      return dropIn
    }

    it("keeps the category index in step: created, renamed (paths below follow), deleted", async () => {
      const clothing = await createCategory({ name: "Clothing" })
      const knitwear = await createCategory({ name: "Knitwear", parent_category_id: clothing.id })
      const cardigans = await createCategory({ name: "Cardigans", parent_category_id: knitwear.id, description: "Buttoned knits" })
      await eventually(async () => {
        expect(await documentOf("category", cardigans.id)).toMatchObject({
          name: "Cardigans",
          handle: "cardigans",
          description: "Buttoned knits",
          is_active: true,
          is_internal: false,
          parent_category_id: knitwear.id,
          depth: 2,
          ancestor_ids: [clothing.id, knitwear.id],
          ancestor_names: ["Clothing", "Knitwear"],
          ancestor_handles: ["clothing", "knitwear"],
        })
      }, 30_000)

      await api.post(`/admin/product-categories/${clothing.id}`, { name: "Apparel" }, admin)
      await eventually(async () => {
        expect((await documentOf("category", clothing.id)).name).toBe("Apparel")
        expect((await documentOf("category", cardigans.id)).ancestor_names).toEqual(["Apparel", "Knitwear"])
        expect((await documentOf("category", knitwear.id)).ancestor_names).toEqual(["Apparel"])
      }, 30_000)

      await api.delete(`/admin/product-categories/${cardigans.id}`, admin)
      await eventually(async () => expect((await documents("category")).map((document) => document.id).sort()).toEqual([clothing.id, knitwear.id].sort()), 30_000)
    })

    it("answers GET /store/product-categories' queries with the same categories, order, fields and page", async () => {
      // One at a time, so each has its own created_at; capitalised names sort alike in PostgreSQL and the engine.
      const women = await createCategory({ name: "Women" })
      const men = await createCategory({ name: "Men" })
      await createCategory({ name: "Archive", is_active: false })
      await createCategory({ name: "Staff picks", is_internal: true })
      const dresses = await createCategory({ name: "Dresses", parent_category_id: women.id, description: "Summer and evening" })
      await createCategory({ name: "Blouses", parent_category_id: women.id })
      await createCategory({ name: "Coats", parent_category_id: women.id })
      await createCategory({ name: "Shirts", parent_category_id: men.id })
      await eventually(async () => {
        const response = await get(DROP_IN)
        expect(response.headers[HEADER]).toBe("engine")
        expect(response.data.count).toBe(6)
      }, 60_000)

      await expectParity({})
      for (const order of ["name", "-name", "created_at", "-created_at", "handle", "id"]) await expectParity({ order })
      const pages = []
      for (const offset of [0, 2, 4, 6]) {
        const page = await expectParity({ order: "name", limit: 2, offset })
        expect(page.data).toMatchObject({ count: 6, offset, limit: 2 })
        pages.push(...names(page))
      }
      expect(pages).toEqual(["Blouses", "Coats", "Dresses", "Men", "Shirts", "Women"])

      expect(names(await expectParity({ parent_category_id: "null", order: "name" }))).toEqual(["Men", "Women"])
      expect(names(await expectParity({ parent_category_id: women.id, order: "-rank" }))).toEqual(["Coats", "Blouses", "Dresses"])
      await expectParity({ parent_category_id: [women.id, men.id], order: "created_at" })
      await expectParity({ handle: ["dresses", "shirts"] })
      await expectParity({ id: [dresses.id, men.id], fields: "name,handle,*parent_category" })
      await expectParity({ fields: "id,name,*category_children", order: "-created_at", limit: 3 })
      await expectParity({ parent_category_id: "null", include_descendants_tree: true })
      await expectParity({ id: dresses.id, include_ancestors_tree: true, fields: "name,rank" })

      // Free text: the same matches; the engine ranks them. (Medusa's free-text filter also applies to the
      // relations it loads, so its `parent_category` comes back null with `q`: only the ids are compared.)
      const evening = await expectParity({ q: "evening" }, { compare: "ids" })
      expect(evening.data.product_categories[0]).toMatchObject({ id: dresses.id, parent_category: { id: women.id } })
      await expectParity({ q: "coats", fields: "id,name" }, { compare: "set" })

      // A filter the index does not hold: Medusa answers, and says so.
      const byName = await expectParity({ name: "Shirts" }, { from: "fallback" })
      expect(byName.headers[REASON]).toBe("unsupported:name")
      expect(names(byName)).toEqual(["Shirts"])
      const invalid = await get(DROP_IN, { limit: "many" })
      expect(invalid.status).toBe(400)
    })

    it("indexes a collection, and follows its rename", async () => {
      const { data } = await api.post("/admin/collections", { title: "Autumn" }, admin)
      const autumn = data.collection
      await eventually(async () => expect(await documentOf("collection", autumn.id)).toMatchObject({ title: "Autumn", handle: "autumn" }), 30_000)
      await api.post(`/admin/collections/${autumn.id}`, { title: "Autumn/Winter" }, admin)
      await eventually(async () => expect((await documentOf("collection", autumn.id)).title).toBe("Autumn/Winter"), 30_000)
      const found = await search().search({ entity: "collection", filters: { q: "winter" } })
      expect(found.hits.map((hit) => hit.id)).toEqual([autumn.id])
    })

    it("opens category and collection indexes on POST /store/search, categories narrowed to active public ones", async () => {
      const shown = await createCategory({ name: "Outerwear" })
      const hidden = await createCategory({ name: "Outerwear drafts", is_active: false })
      const internal = await createCategory({ name: "Outerwear returns", is_internal: true })
      await api.post("/admin/collections", { title: "Outerwear classics" }, admin)
      await eventually(async () => expect((await documents("category")).map((document) => document.id)).toEqual(expect.arrayContaining([shown.id, hidden.id, internal.id])), 30_000)

      const storeSearch = (entity: string, q: string) => responseOf(api.post("/store/search", { entity, filters: { q } }, key))
      const categories = await storeSearch("category", "outerwear")
      expect(categories.status).toBe(200)
      expect(categories.data.results[0].hits.map((hit: any) => hit.id)).toEqual([shown.id])
      // A storefront can narrow the scope but not widen it.
      const widened = await responseOf(api.post("/store/search", { entity: "category", filters: { q: "outerwear", is_active: false } }, key))
      expect(widened.data.results[0].hits).toEqual([])
      await eventually(async () => {
        const collections = await storeSearch("collection", "classics")
        expect(collections.data.results[0].hits.map((hit: any) => hit.document.title)).toEqual(["Outerwear classics"])
      }, 30_000)
    })

    it("reconciles category and collection indexes: a missing document is written again", async () => {
      const scarves = await createCategory({ name: "Scarves" })
      const { data } = await api.post("/admin/collections", { title: "Cold days" }, admin)
      await eventually(async () => {
        expect(await documentOf("category", scarves.id)).toBeDefined()
        expect(await documentOf("collection", data.collection.id)).toBeDefined()
      }, 30_000)
      await search().deleteDocuments({ index: "category", filters: { id: scarves.id } })
      await search().deleteDocuments({ index: "collection", filters: { id: data.collection.id } })
      await eventually(async () => expect(await documentOf("category", scarves.id)).toBeUndefined())

      const reports = await reconcileSearchIndexes(getContainer())
      expect(reports.find((report) => report.index === "category")).toMatchObject({ entity: "category", outcome: "repaired", missing: 1 })
      expect(reports.find((report) => report.index === "collection")).toMatchObject({ entity: "collection", outcome: "repaired", missing: 1 })
      await eventually(async () => {
        expect(await documentOf("category", scarves.id)).toMatchObject({ name: "Scarves" })
        expect(await documentOf("collection", data.collection.id)).toMatchObject({ title: "Cold days" })
      }, 30_000)
      const again = await reconcileSearchIndexes(getContainer())
      expect(again.filter((report) => report.outcome !== "in_step")).toEqual([])
    })

    it("answers in the request's locale from the locale index", async () => {
      const knitwear = await createCategory({ name: "Knitwear" })
      const cardigans = await createCategory({ name: "Cardigans", parent_category_id: knitwear.id })
      await api.post(
        "/admin/translations/batch",
        {
          create: [
            { reference_id: knitwear.id, reference: "product_category", locale_code: "de-DE", translations: { name: "Maschenware" } },
            { reference_id: cardigans.id, reference: "product_category", locale_code: "de-DE", translations: { name: "Strickjacken" } },
          ],
        },
        admin
      )
      await eventually(async () => {
        expect(await documentOf("category_de_de", cardigans.id)).toMatchObject({ name: "Strickjacken", ancestor_names: ["Maschenware"] })
        expect(await documentOf("category_de_de", knitwear.id)).toMatchObject({ name: "Maschenware", ancestor_names: [] })
        expect((await documentOf("category", cardigans.id)).translations).toEqual({ de_de: { name: "Strickjacken", description: null } })
      }, 30_000)

      const german = await get(DROP_IN, { q: "Strickjacken", fields: "id,name" }, { "x-medusa-locale": "de-DE" })
      expect(german.headers[HEADER]).toBe("engine")
      expect(german.data.product_categories).toEqual([{ id: cardigans.id, name: "Strickjacken" }])
      const byQuery = await get(DROP_IN, { q: "maschenware", locale: "de-DE", fields: "name" })
      expect(byQuery.headers[HEADER]).toBe("engine")
      expect(names(byQuery)).toEqual(["Maschenware"])
      // Without a locale: the base index, which finds a category by its translations too, and Medusa's base names.
      expect(names(await get(DROP_IN, { q: "Strickjacken", fields: "name" }))).toEqual(["Cardigans"])
      // Sorted in German: "Maschenware" before "Strickjacken", where the base names sort the other way.
      expect(names(await get(DROP_IN, { order: "name", fields: "name" }, { "x-medusa-locale": "de-DE" }))).toEqual(["Maschenware", "Strickjacken"])
      expect(names(await get(DROP_IN, { order: "name", fields: "name" }))).toEqual(["Cardigans", "Knitwear"])
    })

    it("lists the categories natively, flagged, while the engine is down", async () => {
      await createCategory({ name: "Hats" })
      await createCategory({ name: "Scarves" })
      await eventually(async () => expect((await get(DROP_IN)).data.count).toBe(2), 30_000)

      fixture.setDown(true)
      try {
        const down = await expectParity({ order: "name" }, { from: "fallback" })
        expect(down.headers[REASON]).toBe("engine_unreachable")
        expect(names(down)).toEqual(["Hats", "Scarves"])
      } finally {
        fixture.setDown(false)
      }
      await expectParity({ order: "name" })
    })
  },
})
