import { createHash } from "crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import type BridgeModuleService from "../../src/modules/bridge/service"
import { QUEUE_MODULE } from "../../src/modules/queue"
import type QueueModuleService from "../../src/modules/queue/service"
import { STRAPI_MODULE } from "../../src/modules/strapi"
import type StrapiModuleService from "../../src/modules/strapi/service"
import { STRAPI_SYNC_QUEUE } from "../../src/strapi-sync/options"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { LocalServer, readBody, sendJson, startLocalServer } from "../helpers/local-server"
import { buildProductIndex } from "../helpers/search"
import { signStrapiRequest } from "../helpers/strapi"

jest.setTimeout(240 * 1000)

const SECRET = "strapi-webhook-secret-0001"
const TOKEN = "strapi-api-token-0001"
// Read by medusa-config.ts when the runner loads it; each test points the integration at the fake Strapi.
Object.assign(process.env, {
  STRAPI_URL: "http://127.0.0.1:9",
  STRAPI_API_TOKEN: TOKEN,
  STRAPI_WEBHOOK_SECRET: SECRET,
  COMMERCE_BRIDGE_STRAPI_ATTEMPTS: "2",
  COMMERCE_BRIDGE_STRAPI_BACKOFF_MS: "50",
})

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

interface CatalogueWrite {
  method: string
  path: string
  data?: { medusa_id: string; handle: string; title: string }[]
}

/** Strapi's catalogue API as the contract describes it; `fail` answers a write with an error instead. */
async function startFakeStrapi() {
  const state = { writes: [] as CatalogueWrite[], fail: undefined as ((write: CatalogueWrite) => number | undefined) | undefined }
  const server = await startLocalServer(async (req, res) => {
    const raw = (await readBody(req)).toString("utf8")
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return sendJson(res, 401, { error: { status: 401, name: "UnauthorizedError", message: "Missing or invalid credentials" } })
    const write: CatalogueWrite = { method: req.method!, path: req.url!, data: raw ? JSON.parse(raw).data : undefined }
    if (!req.url!.startsWith("/api/commerce-bridge/catalogue/")) return sendJson(res, 200, { data: { plugin: "commerce-bridge", version: "test" } })
    const failure = state.fail?.(write)
    if (failure) return sendJson(res, failure, { error: { status: failure, name: "ServiceUnavailableError", message: "Strapi is restarting" } })
    state.writes.push(write)
    if (req.method === "DELETE") return sendJson(res, 200, { data: { deleted: true } })
    sendJson(res, 200, { data: write.data!.map((doc) => ({ medusa_id: doc.medusa_id, document_id: `doc-${doc.medusa_id}`, created: true, changed: true })) })
  })
  return { server, state, url: server.url }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let strapiFake: Awaited<ReturnType<typeof startFakeStrapi>>
    let catalogue: Catalogue
    let admin: { headers: Record<string, string> }

    const strapi = () => getContainer().resolve<StrapiModuleService>(STRAPI_MODULE)
    const queues = () => getContainer().resolve<QueueModuleService>(QUEUE_MODULE)
    const configureStrapi = (input: Parameters<BridgeModuleService["configureIntegration"]>[1]) =>
      getContainer().resolve<BridgeModuleService>(BRIDGE_MODULE).configureIntegration("strapi", input)
    const store = () => ({ headers: { "x-publishable-api-key": catalogue.publishableKey } })

    /** Sends `payload` as Strapi does: the exact JSON text it signed. */
    const signedPost = (path: string, payload: unknown, { secret = SECRET, timestamp }: { secret?: string; timestamp?: number } = {}) => {
      const body = JSON.stringify(payload)
      return responseOf(api.post(path, body, { headers: { "content-type": "application/json", ...signStrapiRequest(secret, body, timestamp) } }))
    }
    const signedGet = (path: string) => responseOf(api.get(path, { headers: signStrapiRequest(SECRET, "") }))

    const editorContent = {
      description: "Soft **linen**, woven in Lithuania.",
      seo_title: "Linen shirt | Nordic Goods",
      seo_description: "A breathable linen shirt.",
      gallery: [{ url: "https://cdn.example.com/shirt-front.jpg", alternative_text: "Front", width: 1200, height: 1600 }],
      sections: [{ heading: "Care", body: "Wash cold." }],
    }
    const contentFor = (medusaId: string, content: Record<string, unknown> = editorContent, entity = "product") => ({
      entity,
      medusa_id: medusaId,
      document_id: "strapi-doc-1",
      locale: "en",
      published_at: "2026-11-22T10:00:00.000Z",
      content_hash: sha256(JSON.stringify(content)),
      origin: "strapi",
      content,
    })

    const writesOf = (entity: string) => strapiFake.state.writes.filter((write) => write.path === `/api/commerce-bridge/catalogue/${entity}`)
    const finishedJobs = async () => {
      const counts = await queues().counts(STRAPI_SYNC_QUEUE)
      return counts.completed + counts.dead
    }
    /** Waits for the strapi-sync queue to finish `count` more jobs than `before`, with none left pending. */
    const jobsFinished = (before: number, count: number) =>
      eventually(async () => {
        const counts = await queues().counts(STRAPI_SYNC_QUEUE)
        expect(counts.completed + counts.dead).toBeGreaterThanOrEqual(before + count)
        expect(counts.waiting + counts.active + counts.delayed).toBe(0)
      }, 20_000)
    /** Catalogue events have been handed to the queue, and it has nothing left to do. */
    const settled = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await jobsFinished(0, 0)
    }

    beforeAll(async () => {
      strapiFake = await startFakeStrapi()
    })
    afterAll(() => strapiFake.server.close())
    // Pushes still running would write into the next test's database.
    afterEach(() => settled())

    beforeEach(async () => {
      strapiFake.state.writes.length = 0
      strapiFake.state.fail = undefined
      catalogue = await setUpCatalogue(getContainer())
      admin = await createAdminHeaders(getContainer(), api)
      await configureStrapi({ settings: { url: strapiFake.url } })
    })

    describe("POST /webhooks/strapi/content", () => {
      it("stores signed content of a product, which the store API returns through the cms_content link", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        await eventually(() => expect(writesOf("product")).toHaveLength(1))
        await settled()
        const { status, data } = await signedPost("/webhooks/strapi/content", contentFor(product.id))
        expect(status).toBe(200)
        expect(data).toEqual({ stored: true, medusa_id: product.id })

        const { data: view } = await api.get(`/admin/commerce-bridge/strapi/products/${product.id}`, admin)
        expect(view).toMatchObject({
          content: { document_id: "strapi-doc-1", seo_title: editorContent.seo_title, gallery: editorContent.gallery, published_at: "2026-11-22T10:00:00.000Z" },
          strapi: { edit_url: `${strapiFake.url}/admin/content-manager/collection-types/plugin::commerce-bridge.product/strapi-doc-1` },
          last_pushed_at: expect.any(String),
          last_received_at: expect.any(String),
        })

        const one = await api.get(`/store/products/${product.id}?fields=*cms_content`, store())
        expect(one.data.product.title).toBe("Linen shirt")
        expect(one.data.product.cms_content).toMatchObject({
          entity: "product",
          entity_id: product.id,
          strapi_document_id: "strapi-doc-1",
          ...editorContent,
          published_at: "2026-11-22T10:00:00.000Z",
        })
        const picked = await api.get(`/store/products/${product.id}?fields=id,cms_content.seo_title`, store())
        expect(picked.data.product.cms_content).toMatchObject({ seo_title: "Linen shirt | Nordic Goods" })
        expect(picked.data.product.cms_content.description).toBeUndefined()
        const list = await api.get(`/store/products?fields=+cms_content.description`, store())
        const listed = list.data.products.find((p: any) => p.id === product.id)
        expect(listed.title).toBe("Linen shirt")
        expect(listed.cms_content).toMatchObject({ description: editorContent.description })
      })

      it("answers stored: false when the content hash is the one already held", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        const sentAt = Math.floor(Date.now() / 1000)
        expect((await signedPost("/webhooks/strapi/content", contentFor(product.id), { timestamp: sentAt })).data.stored).toBe(true)
        // Sent again, signed at another second (the same request signed at the same second would be a replay).
        const again = await signedPost("/webhooks/strapi/content", contentFor(product.id), { timestamp: sentAt - 1 })
        expect(again.status).toBe(200)
        expect(again.data).toEqual({ stored: false, medusa_id: product.id })
        const changed = await signedPost("/webhooks/strapi/content", contentFor(product.id, { ...editorContent, seo_title: "New title" }))
        expect(changed.data.stored).toBe(true)
        expect((await strapi().contentOf("product", product.id))?.seo_title).toBe("New title")
      })

      it("stores a category's content, returned by the store's category route", async () => {
        const { data } = await api.post("/admin/product-categories", { name: "Shirts", is_active: true }, admin)
        const categoryId = data.product_category.id
        const content = { description: "All our shirts.", seo_title: "Shirts", seo_description: null }
        expect((await signedPost("/webhooks/strapi/content", contentFor(categoryId, content, "category"))).data).toEqual({ stored: true, medusa_id: categoryId })
        const { data: category } = await api.get(`/store/product-categories/${categoryId}?fields=*cms_content`, store())
        expect(category.product_category.cms_content).toMatchObject({ ...content, gallery: null, sections: null })
      })

      it.each([
        ["a wrong secret", { secret: "not-the-secret" }],
        ["a stale timestamp", { offsetSeconds: -310 }],
        ["a timestamp from the future", { offsetSeconds: 310 }],
      ])("refuses %s with 401 and stores nothing", async (_case, { secret, offsetSeconds = 0 }: { secret?: string; offsetSeconds?: number }) => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        const timestamp = Math.floor(Date.now() / 1000) + offsetSeconds
        const response = await signedPost("/webhooks/strapi/content", contentFor(product.id), { secret, timestamp })
        expect(response.status).toBe(401)
        // The product's push may have recorded a row already; nothing was received into it.
        expect((await strapi().contentOf("product", product.id))?.content_hash ?? null).toBeNull()
      })

      it("refuses a request without the signature headers with 401", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        const response = await responseOf(api.post("/webhooks/strapi/content", contentFor(product.id)))
        expect(response.status).toBe(401)
        expect(response.data.message).toContain("x-commerce-bridge-signature")
      })

      it("refuses a replayed request with 401", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        const body = JSON.stringify(contentFor(product.id))
        const headers = { "content-type": "application/json", ...signStrapiRequest(SECRET, body) }
        expect((await responseOf(api.post("/webhooks/strapi/content", body, { headers }))).status).toBe(200)
        const replay = await responseOf(api.post("/webhooks/strapi/content", body, { headers }))
        expect(replay.status).toBe(401)
        expect(replay.data.message).toContain("already used")
      })

      it("answers 404 naming an unknown id", async () => {
        const response = await signedPost("/webhooks/strapi/content", contentFor("prod_unknown"))
        expect(response.status).toBe(404)
        expect(response.data.message).toContain("prod_unknown")
      })

      it.each([
        [{ content_hash: "abc" }, "content_hash"],
        [{ entity: "variant" }, "entity"],
        [{ origin: "medusa" }, "origin"],
        [{ published_at: "yesterday" }, "published_at"],
        [{ content: { ...editorContent, gallery: [{ url: "/uploads/a.jpg", alternative_text: null, width: 1, height: 1 }] } }, "content.gallery.0.url"],
      ])("answers 400 naming the field for %j", async (change, field) => {
        const response = await signedPost("/webhooks/strapi/content", { ...contentFor("prod_any"), ...change })
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(field)
      })

      it("answers 409 while the Strapi integration is switched off", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        await settled()
        await configureStrapi({ enabled: false })
        const response = await signedPost("/webhooks/strapi/content", contentFor(product.id))
        expect(response.status).toBe(409)
        expect(response.data.message).toContain("switched off")
      })
    })

    describe("POST /webhooks/strapi/content-withdrawals", () => {
      const withdrawalOf = (medusaId: string, reason = "unpublish", entity = "product") => ({
        entity,
        medusa_id: medusaId,
        document_id: "strapi-doc-1",
        locale: "en",
        reason,
        origin: "strapi",
      })
      const storeContent = async (id: string) => (await api.get(`/store/products/${id}?fields=*cms_content`, store())).data.product.cms_content
      const searchFor = async (q: string) => {
        const { data } = await api.post("/store/search", { entity: "product", filters: { q }, fields: ["id", "content.description"] }, store())
        return data.results[0].hits.map((hit: any) => hit.document)
      }
      /** A pushed product whose content Strapi sent, with a word only that content holds. */
      const productWithContent = async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        await eventually(() => expect(writesOf("product")).toHaveLength(1))
        await settled()
        const content = { ...editorContent, description: "Woven from **flax** in Lithuania." }
        expect((await signedPost("/webhooks/strapi/content", contentFor(product.id, content))).data.stored).toBe(true)
        return product
      }

      it("stops serving unpublished content through the store API and search, once", async () => {
        await buildProductIndex(getContainer())
        const product = await productWithContent()
        expect((await storeContent(product.id)).description).toBe("Woven from **flax** in Lithuania.")
        await eventually(async () => expect(await searchFor("flax")).toEqual([{ id: product.id, content: { description: "Woven from **flax** in Lithuania." } }]), 20_000)

        const sentAt = Math.floor(Date.now() / 1000)
        const { status, data } = await signedPost("/webhooks/strapi/content-withdrawals", withdrawalOf(product.id), { timestamp: sentAt })
        expect(status).toBe(200)
        expect(data).toEqual({ removed: true, medusa_id: product.id })
        // Served as an entry never published: no editor content left.
        expect(await storeContent(product.id)).toMatchObject({ description: null, seo_title: null, seo_description: null, gallery: null, sections: null, published_at: null })
        await eventually(async () => expect(await searchFor("flax")).toEqual([]), 20_000)
        const [hit] = await searchFor("Linen shirt")
        expect(hit).toEqual({ id: product.id, content: { description: null } })
        // Medusa still knows the Strapi entry it pushes to.
        const { data: view } = await api.get(`/admin/commerce-bridge/strapi/products/${product.id}`, admin)
        expect(view).toMatchObject({ content: null, last_received_at: null, last_pushed_at: expect.any(String), strapi: { edit_url: expect.stringContaining("strapi-doc-1") } })

        // Sent again, signed at another second (the same request signed at the same second would be a replay).
        const again = await signedPost("/webhooks/strapi/content-withdrawals", withdrawalOf(product.id), { timestamp: sentAt - 1 })
        expect(again.status).toBe(200)
        expect(again.data).toEqual({ removed: false, medusa_id: product.id })
        // Republishing the same content stores it again.
        const republished = { ...contentFor(product.id, { ...editorContent, description: "Woven from **flax** in Lithuania." }), published_at: "2026-11-23T10:00:00.000Z" }
        expect((await signedPost("/webhooks/strapi/content", republished)).data.stored).toBe(true)
      })

      it("forgets a deleted entry altogether, so the store API returns no cms_content", async () => {
        const product = await productWithContent()
        const { data } = await signedPost("/webhooks/strapi/content-withdrawals", withdrawalOf(product.id, "delete"))
        expect(data).toEqual({ removed: true, medusa_id: product.id })
        expect(await strapi().contentOf("product", product.id)).toBeUndefined()
        expect(await storeContent(product.id)).toBeFalsy()
      })

      it("withdraws a category's content", async () => {
        const { data } = await api.post("/admin/product-categories", { name: "Shirts", is_active: true }, admin)
        const categoryId = data.product_category.id
        await signedPost("/webhooks/strapi/content", contentFor(categoryId, { description: "All our shirts.", seo_title: "Shirts", seo_description: null }, "category"))
        const withdrawn = await signedPost("/webhooks/strapi/content-withdrawals", withdrawalOf(categoryId, "unpublish", "category"))
        expect(withdrawn.data).toEqual({ removed: true, medusa_id: categoryId })
        const { data: category } = await api.get(`/store/product-categories/${categoryId}?fields=*cms_content`, store())
        expect(category.product_category.cms_content?.description ?? null).toBeNull()
      })

      it("refuses a bad signature with 401 and removes nothing", async () => {
        const product = await productWithContent()
        const response = await signedPost("/webhooks/strapi/content-withdrawals", withdrawalOf(product.id), { secret: "not-the-secret" })
        expect(response.status).toBe(401)
        const unsigned = await responseOf(api.post("/webhooks/strapi/content-withdrawals", withdrawalOf(product.id)))
        expect(unsigned.status).toBe(401)
        expect((await storeContent(product.id)).description).toBe("Woven from **flax** in Lithuania.")
      })

      it("answers 404 naming an unknown id, 400 naming a bad field, and 409 while the integration is off", async () => {
        const unknown = await signedPost("/webhooks/strapi/content-withdrawals", withdrawalOf("prod_unknown"))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toContain("prod_unknown")
        const bad = await signedPost("/webhooks/strapi/content-withdrawals", { ...withdrawalOf("prod_any"), reason: "archive" })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("reason")

        const product = await productWithContent()
        await configureStrapi({ enabled: false })
        const off = await signedPost("/webhooks/strapi/content-withdrawals", withdrawalOf(product.id))
        expect(off.status).toBe(409)
        expect(off.data.message).toContain("switched off")
        expect((await strapi().contentOf("product", product.id))?.description).toBe("Woven from **flax** in Lithuania.")
      })
    })

    describe("GET /webhooks/strapi/ping", () => {
      it("answers ok to a signed request and 401 to an unsigned one", async () => {
        expect(await signedGet("/webhooks/strapi/ping")).toMatchObject({ status: 200, data: { ok: true } })
        expect((await responseOf(api.get("/webhooks/strapi/ping"))).status).toBe(401)
      })
    })

    describe("catalogue pushes", () => {
      it("pushes a new product's Medusa-owned fields, again when its title changes, and not when only other fields change", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        await eventually(() => expect(writesOf("product")).toEqual([
          { method: "PUT", path: "/api/commerce-bridge/catalogue/product", data: [{ medusa_id: product.id, handle: product.handle, title: "Linen shirt" }] },
        ]))
        await settled()
        const before = await finishedJobs()
        await api.post(`/admin/products/${product.id}`, { description: "Only Medusa's description changes" }, admin)
        await jobsFinished(before, 1)
        expect(writesOf("product")).toHaveLength(1)
        await api.post(`/admin/products/${product.id}`, { title: "Linen shirt, white" }, admin)
        await eventually(() => expect(writesOf("product").map((write) => write.data![0].title)).toEqual(["Linen shirt", "Linen shirt, white"]))

        const { data } = await api.get(`/admin/commerce-bridge/strapi/products/${product.id}`, admin)
        expect(data).toMatchObject({
          content: null,
          strapi: {
            url: strapiFake.url,
            edit_url: `${strapiFake.url}/admin/content-manager/collection-types/plugin::commerce-bridge.product/doc-${product.id}`,
          },
          last_received_at: null,
          sync_active: true,
        })
        expect(data.last_pushed_at).toBeTruthy()

        await api.delete(`/admin/products/${product.id}`, admin)
        await eventually(() => expect(strapiFake.state.writes.at(-1)).toMatchObject({ method: "DELETE", path: `/api/commerce-bridge/catalogue/product/${product.id}` }))
        await settled()
        expect(await strapi().contentOf("product", product.id)).toBeUndefined()
      })

      it("pushes nothing while the integration is switched off", async () => {
        await configureStrapi({ enabled: false })
        const before = await finishedJobs()
        await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        await settled()
        expect(strapiFake.state.writes).toEqual([])
        expect(await finishedJobs()).toBe(before)
      })

      it("queues a push of one product from the admin, changed or not", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        await eventually(() => expect(writesOf("product")).toHaveLength(1))
        const { status, data } = await api.post(`/admin/commerce-bridge/strapi/products/${product.id}/sync`, {}, admin)
        expect(status).toBe(202)
        expect(data.job_id).toEqual(expect.any(String))
        await eventually(() => expect(writesOf("product")).toHaveLength(2))
        expect((await responseOf(api.post("/admin/commerce-bridge/strapi/products/prod_missing/sync", {}, admin))).status).toBe(404)
      })

      it("retries a push while Strapi is unreachable, dead-letters it, and writes it once replayed", async () => {
        const closed = await startLocalServer(() => undefined)
        await closed.close()
        await configureStrapi({ settings: { url: closed.url } })
        const deadBefore = (await queues().counts(STRAPI_SYNC_QUEUE).catch(() => ({ dead: 0 }))).dead
        const product = await createProduct(api, admin, catalogue, { title: "Linen shirt", eur: 40 })
        await eventually(async () => expect((await queues().counts(STRAPI_SYNC_QUEUE)).dead).toBe(deadBefore + 1), 20_000)

        const { data } = await api.get(`/admin/commerce-bridge/queues/${STRAPI_SYNC_QUEUE}?limit=100`, admin)
        const letter = data.dead_letters.find((dead: any) => dead.payload_preview.includes(product.id))
        expect(letter).toMatchObject({ name: "upsert-product", attempts: [expect.any(Object), expect.any(Object)] })
        expect(letter.attempts[1].error).toContain("Could not reach Strapi")
        expect(JSON.stringify(data)).not.toContain(TOKEN)

        await configureStrapi({ settings: { url: strapiFake.url } })
        await api.post(`/admin/commerce-bridge/queues/${STRAPI_SYNC_QUEUE}/dead-letters/replay`, { ids: [letter.id] }, admin)
        await eventually(() => expect(writesOf("product").map((write) => write.data![0].medusa_id)).toEqual([product.id]))
      })
    })

    describe("catalogue syncs", () => {
      it("pushes the whole catalogue page by page, resumes from the cursor when a dead-lettered page is replayed, and answers the running run", async () => {
        const settings = strapi().settings
        const pageSize = settings.pageSize
        Object.assign(settings, { pageSize: 2 })
        try {
          const products = []
          for (const title of ["Shirt A", "Shirt B", "Shirt C"]) products.push(await createProduct(api, admin, catalogue, { title, eur: 40 }))
          await api.post("/admin/product-categories", { name: "Shirts", is_active: true }, admin)
          await api.post("/admin/collections", { title: "Summer" }, admin)
          await settled()
          strapiFake.state.writes.length = 0
          // The second page of products (the third product) fails until Strapi is back.
          let down = true
          strapiFake.state.fail = (write) => (down && write.data?.some((doc) => doc.medusa_id === products[2].id) ? 503 : undefined)

          const started = await signedPost("/webhooks/strapi/catalogue-syncs", {})
          expect(started.status).toBe(202)
          const { run } = started.data
          expect(run).toMatchObject({ status: "running", entities: ["product", "category", "collection"], total: 5, done: 0, failed: 0, error: null, finished_at: null })
          expect(Object.keys(run).sort()).toEqual(["done", "entities", "error", "failed", "finished_at", "id", "started_at", "status", "total"])

          const failed = await eventually(async () => {
            const { data } = await signedGet(`/webhooks/strapi/catalogue-syncs/${run.id}`)
            expect(data.run.status).toBe("failed")
            return data.run
          }, 20_000)
          expect(failed).toMatchObject({ done: 2, error: expect.stringContaining("HTTP 503") })

          const again = await api.post("/admin/commerce-bridge/strapi/catalogue-syncs", { entities: ["product"] }, admin)
          expect(again.data.run.id).not.toBe(run.id)
          await eventually(async () => expect((await api.get(`/admin/commerce-bridge/strapi/catalogue-syncs/${again.data.run.id}`, admin)).data.run.status).toBe("failed"), 20_000)

          down = false
          const { data: dead } = await api.get(`/admin/commerce-bridge/queues/${STRAPI_SYNC_QUEUE}?limit=100`, admin)
          const page = dead.dead_letters.find((letter: any) => letter.name === "catalogue-page" && letter.payload_preview.includes(run.id))
          await api.post(`/admin/commerce-bridge/queues/${STRAPI_SYNC_QUEUE}/dead-letters/replay`, { ids: [page.id] }, admin)
          const completed = await eventually(async () => {
            const { data } = await signedGet(`/webhooks/strapi/catalogue-syncs/${run.id}`)
            expect(data.run.status).toBe("completed")
            return data.run
          }, 20_000)
          expect(completed).toMatchObject({ total: 5, done: 5, failed: 0, error: null, finished_at: expect.any(String) })
          const pushedProducts = writesOf("product").map((write) => write.data!.map((doc) => doc.medusa_id))
          // Each run pushed the first page once: the replayed run went on from its cursor.
          expect(pushedProducts.filter((ids) => ids.includes(products[0].id))).toHaveLength(2)
          expect(writesOf("category")).toEqual([
            { method: "PUT", path: "/api/commerce-bridge/catalogue/category", data: [{ medusa_id: expect.stringMatching(/^pcat_/), handle: "shirts", title: "Shirts" }] },
          ])
          expect(writesOf("collection")).toEqual([
            { method: "PUT", path: "/api/commerce-bridge/catalogue/collection", data: [{ medusa_id: expect.stringMatching(/^pcol_/), handle: "summer", title: "Summer" }] },
          ])
        } finally {
          Object.assign(settings, { pageSize })
        }
      })

      it("answers the run still running instead of starting another, and queues its page again when it was lost", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Shirt A", eur: 40 })
        await settled()
        strapiFake.state.writes.length = 0
        // A run whose page job is gone (an in-process queue restarted): recorded, never queued.
        const { run } = await strapi().createRun({ entities: ["product"], total: 1 })
        const second = await signedPost("/webhooks/strapi/catalogue-syncs", { entities: ["collection"] })
        expect(second.status).toBe(202)
        expect(second.data.run).toMatchObject({ id: run.id, entities: ["product"] })
        await eventually(async () => expect((await strapi().retrieveRun(run.id)).status).toBe("completed"), 20_000)
        expect(writesOf("product")).toEqual([
          { method: "PUT", path: "/api/commerce-bridge/catalogue/product", data: [{ medusa_id: product.id, handle: product.handle, title: "Shirt A" }] },
        ])
      })

      it("answers 400 naming a bad entity and 409 while the integration is off", async () => {
        const bad = await signedPost("/webhooks/strapi/catalogue-syncs", { entities: ["variant"] })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("entities")
        await configureStrapi({ enabled: false })
        expect((await signedPost("/webhooks/strapi/catalogue-syncs", {})).status).toBe(409)
        expect((await signedGet("/webhooks/strapi/catalogue-syncs/cbsync_missing")).status).toBe(404)
      })
    })
  },
})
