import { randomBytes } from "crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { buildProductIndex } from "../helpers/search"
import { RunningStrapi, startStrapi, STRAPI_EDITOR } from "../helpers/strapi-app"
import { fixedPort } from "../helpers/local-server"

jest.setTimeout(240 * 1000)

// medusa-config reads the Strapi settings when it loads, before any hook runs: port and keys are fixed per process.
const STRAPI_PORT = fixedPort(9000)
const STRAPI_TOKEN = randomBytes(24).toString("hex")
const SECRET = randomBytes(24).toString("hex")
Object.assign(process.env, {
  STRAPI_URL: `http://127.0.0.1:${STRAPI_PORT}`,
  STRAPI_API_TOKEN: STRAPI_TOKEN,
  STRAPI_WEBHOOK_SECRET: SECRET,
  COMMERCE_BRIDGE_STRAPI_ATTEMPTS: "2",
  COMMERCE_BRIDGE_STRAPI_BACKOFF_MS: "100",
})

const PRODUCT_UID = "plugin::commerce-bridge.product"
const ENTRIES = `/content-manager/collection-types/${PRODUCT_UID}`

/** The real Medusa test app and a real Strapi with the plugin, wired to each other. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let strapi: RunningStrapi
    let editor: string
    let catalogue: Catalogue
    let admin: { headers: Record<string, string> }

    const entryOf = async (medusaId: string) => {
      const { body } = await strapi.request("GET", `${ENTRIES}?filters[medusa_id][$eq]=${medusaId}`, { token: editor })
      return body.results[0] as Record<string, any> | undefined
    }
    const version = async (documentId: string, status: "draft" | "published") =>
      (await strapi.request("GET", `${ENTRIES}/${documentId}?status=${status}`, { token: editor })).body.data
    const logsOf = async (query: string) => (await strapi.request("GET", `/commerce-bridge/sync-logs?pageSize=100&${query}`, { token: editor })).body.results as any[]
    const storeProduct = async (id: string) =>
      (await api.get(`/store/products/${id}?fields=*cms_content`, { headers: { "x-publishable-api-key": catalogue.publishableKey } })).data.product
    const appearsInStrapi = (medusaId: string) =>
      eventually(async () => {
        const entry = await entryOf(medusaId)
        expect(entry).toBeDefined()
        return entry!
      }, 20_000)

    beforeAll(async () => {
      strapi = await startStrapi({
        port: STRAPI_PORT,
        apiToken: STRAPI_TOKEN,
        env: { MEDUSA_URL: api.defaults.baseURL.replace(/\/$/, ""), COMMERCE_BRIDGE_WEBHOOK_SECRET: SECRET },
      })
      editor = await strapi.login(STRAPI_EDITOR)
    })
    afterAll(() => strapi?.stop())

    beforeEach(async () => {
      catalogue = await setUpCatalogue(getContainer())
      admin = await createAdminHeaders(getContainer(), api)
      await buildProductIndex(getContainer())
    })

    const searchFor = async (q: string) => {
      const { data } = await api.post(
        "/store/search",
        { entity: "product", filters: { q }, fields: ["id", "content.description"] },
        { headers: { "x-publishable-api-key": catalogue.publishableKey } }
      )
      return data.results[0].hits.map((hit: any) => hit.document)
    }

    it("brings a new product to Strapi, its published content to the store API, and never ping-pongs", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Linen Shirt", eur: 3000 })
      const entry = await appearsInStrapi(product.id)
      expect(entry).toMatchObject({ medusa_id: product.id, title: "Linen Shirt", handle: product.handle })

      // An editor (not an admin) writes and publishes the content.
      await strapi.request("PUT", `${ENTRIES}/${entry.documentId}`, {
        token: editor,
        body: { description: "Woven from **flax**.", seo_title: "Linen shirt for summer", sections: [{ heading: "Care", body: "Wash cold" }] },
      })
      const published = await strapi.request("POST", `${ENTRIES}/${entry.documentId}/actions/publish`, { token: editor, body: {} })
      expect(published.status).toBe(200)
      const content = await eventually(async () => {
        const { cms_content } = await storeProduct(product.id)
        expect(cms_content?.description).toBe("Woven from **flax**.")
        return cms_content
      }, 20_000)
      expect(content).toMatchObject({ seo_title: "Linen shirt for summer", sections: [{ heading: "Care", body: "Wash cold" }], strapi_document_id: entry.documentId })
      // The product is reindexed with the editor's text: a word only Strapi holds finds it.
      await eventually(async () => expect(await searchFor("flax")).toEqual([{ id: product.id, content: { description: "Woven from **flax**." } }]), 20_000)

      // A catalogue update reaches Strapi's draft and published versions without touching the editor's fields.
      await api.post(`/admin/products/${product.id}`, { title: "Linen Shirt, relaxed fit" }, admin)
      await eventually(async () => expect((await version(entry.documentId, "published")).title).toBe("Linen Shirt, relaxed fit"), 20_000)
      expect(await version(entry.documentId, "draft")).toMatchObject({ title: "Linen Shirt, relaxed fit", description: "Woven from **flax**.", seo_title: "Linen shirt for summer" })
      expect((await storeProduct(product.id)).cms_content.description).toBe("Woven from **flax**.")

      // Count the writes once everything has settled: two catalogue writes (create, rename), one delivery.
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const fromMedusa = await logsOf(`direction=from_medusa`)
      expect(fromMedusa.filter((log) => log.medusa_id === product.id)).toHaveLength(2)
      const toMedusa = await logsOf(`direction=to_medusa&entryDocumentId=${entry.documentId}`)
      expect(toMedusa.map((log) => [log.trigger, log.outcome])).toEqual([["publish", "succeeded"]])

      // A save that changes nothing on the Medusa side writes nothing to Strapi.
      await api.post(`/admin/products/${product.id}`, { title: "Linen Shirt, relaxed fit" }, admin)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      expect((await logsOf(`direction=from_medusa`)).filter((log) => log.medusa_id === product.id)).toHaveLength(2)
    })

    it("stops serving the content an editor unpublishes, and forgets the entry an editor deletes", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Hemp Apron", eur: 2800 })
      const entry = await appearsInStrapi(product.id)
      await strapi.request("PUT", `${ENTRIES}/${entry.documentId}`, { token: editor, body: { description: "Sewn from **jute** canvas." } })
      await strapi.request("POST", `${ENTRIES}/${entry.documentId}/actions/publish`, { token: editor, body: {} })
      await eventually(async () => expect((await storeProduct(product.id)).cms_content?.description).toBe("Sewn from **jute** canvas."), 20_000)
      await eventually(async () => expect(await searchFor("jute")).toEqual([{ id: product.id, content: { description: "Sewn from **jute** canvas." } }]), 20_000)

      const unpublished = await strapi.request("POST", `${ENTRIES}/${entry.documentId}/actions/unpublish`, { token: editor, body: {} })
      expect(unpublished.status).toBe(200)
      await eventually(async () => expect((await storeProduct(product.id)).cms_content?.description ?? null).toBeNull(), 20_000)
      await eventually(async () => expect(await searchFor("jute")).toEqual([]), 20_000)
      const [withdrawal] = await logsOf(`direction=to_medusa&entryDocumentId=${entry.documentId}`)
      expect(withdrawal).toMatchObject({ trigger: "unpublish", outcome: "succeeded", details: { removed: true } })

      // Deleted in Strapi: Medusa forgets the entry, so its next change creates a new one.
      expect((await strapi.request("DELETE", `${ENTRIES}/${entry.documentId}`, { token: editor })).status).toBe(200)
      await eventually(async () => expect((await logsOf(`direction=to_medusa&entryDocumentId=${entry.documentId}`))[0]).toMatchObject({ trigger: "delete", outcome: "succeeded" }), 20_000)
      expect((await storeProduct(product.id)).cms_content).toBeFalsy()
      await api.post(`/admin/products/${product.id}`, { title: "Hemp Apron, long" }, admin)
      const recreated = await appearsInStrapi(product.id)
      expect(recreated).toMatchObject({ title: "Hemp Apron, long" })
      expect(recreated.documentId).not.toBe(entry.documentId)
    })

    it("records Medusa's 404 for content whose product does not exist", async () => {
      const { body } = await strapi.request("PUT", "/api/commerce-bridge/catalogue/product", {
        token: STRAPI_TOKEN,
        body: { data: [{ medusa_id: "prod_does_not_exist", handle: "ghost", title: "Ghost" }] },
      })
      const documentId = body.data[0].document_id
      await strapi.request("PUT", `${ENTRIES}/${documentId}`, { token: editor, body: { description: "Nobody sells this" } })
      await strapi.request("POST", `${ENTRIES}/${documentId}/actions/publish`, { token: editor, body: {} })
      const [failed] = await eventually(async () => {
        const logs = await logsOf(`entryDocumentId=${documentId}`)
        expect(logs[0]?.outcome).toBe("failed")
        return logs
      })
      expect(failed).toMatchObject({ http_status: 404, next_attempt_at: null })
      expect(failed.error).toContain("prod_does_not_exist")
    })

    it("retries pushes while Strapi is down, dead-letters them, and a replay lands them", async () => {
      await strapi.pause()
      try {
        const product = await createProduct(api, admin, catalogue, { title: "Wool Scarf", eur: 2500 })
        await eventually(async () => {
          const { data } = await api.get("/admin/commerce-bridge/queues/strapi-sync", admin)
          expect(data.count).toBeGreaterThanOrEqual(1)
        }, 30_000)
        await strapi.resume()
        editor = await strapi.login(STRAPI_EDITOR)
        expect(await entryOf(product.id)).toBeUndefined()
        await api.post("/admin/commerce-bridge/queues/strapi-sync/dead-letters/replay", { all: true }, admin)
        expect(await appearsInStrapi(product.id)).toMatchObject({ title: "Wool Scarf" })
      } finally {
        await strapi.resume().catch(() => undefined)
      }
    })

    it("pulls the whole catalogue when an editor asks for it in Strapi", async () => {
      await api.post("/admin/commerce-bridge/integrations/strapi", { enabled: false }, admin)
      const products = []
      for (const title of ["Canvas Tote", "Leather Belt", "Cotton Socks"]) products.push(await createProduct(api, admin, catalogue, { title, eur: 1000 }))
      await new Promise((resolve) => setTimeout(resolve, 1000))
      for (const product of products) expect(await entryOf(product.id)).toBeUndefined()
      await api.post("/admin/commerce-bridge/integrations/strapi", { enabled: true }, admin)

      const started = await strapi.request("POST", "/commerce-bridge/pulls", { token: editor, body: { entities: ["product"] } })
      expect(started.status).toBe(202)
      const run = await eventually(async () => {
        const { body } = await strapi.request("GET", `/commerce-bridge/pulls/${started.body.data.id}`, { token: editor })
        expect(body.data.status).toBe("completed")
        return body.data
      }, 30_000)
      expect(run).toMatchObject({ failed: 0, done: run.total })
      expect(run.total).toBeGreaterThanOrEqual(3)
      for (const product of products) expect(await entryOf(product.id)).toMatchObject({ title: product.title })
    })

    it("deletes the Strapi entry of a product deleted in Medusa", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Silk Tie", eur: 4000 })
      await appearsInStrapi(product.id)
      await api.delete(`/admin/products/${product.id}`, admin)
      await eventually(async () => expect(await entryOf(product.id)).toBeUndefined(), 20_000)
    })
  },
})
