import { acceptAll, startMedusaWebhookReceiver } from "../__fixtures__/medusa-webhooks"
import { eventually } from "../helpers/eventually"
import { startLocalServer } from "../helpers/local-server"
import { RunningStrapi, startStrapi, STRAPI_EDITOR } from "../helpers/strapi-app"

jest.setTimeout(120_000)

const SECRET = "plugin-spec-webhook-secret-0123456789"
const PRODUCT_UID = "plugin::commerce-bridge.product"

describe("@commerce-bridge/strapi-plugin in a real Strapi (SQLite)", () => {
  let strapi: RunningStrapi
  let medusa: Awaited<ReturnType<typeof startMedusaWebhookReceiver>>
  let admin: string
  let editor: string

  const upsert = (entity: string, data: unknown, token = strapi.apiToken) =>
    strapi.request("PUT", `/api/commerce-bridge/catalogue/${entity}`, { token, body: { data } })
  const entryPath = (documentId: string, uid = PRODUCT_UID) => `/content-manager/collection-types/${uid}/${documentId}`
  const editEntry = (documentId: string, body: object, uid = PRODUCT_UID) => strapi.request("PUT", entryPath(documentId, uid), { token: admin, body })
  const publish = (documentId: string, uid = PRODUCT_UID) =>
    strapi.request("POST", `${entryPath(documentId, uid)}/actions/publish`, { token: admin, body: {} })
  const version = async (documentId: string, status: "draft" | "published") =>
    (await strapi.request("GET", `${entryPath(documentId)}?status=${status}`, { token: admin })).body.data
  const unpublish = (documentId: string, uid = PRODUCT_UID) =>
    strapi.request("POST", `${entryPath(documentId, uid)}/actions/unpublish`, { token: admin, body: {} })
  const remove = (documentId: string, uid = PRODUCT_UID) => strapi.request("DELETE", entryPath(documentId, uid), { token: admin })
  /** The withdrawals sent since `before`, once exactly `count` of them arrived. */
  const withdrawalsSince = (before: number, count = 1) =>
    eventually(() => {
      const fresh = medusa.withdrawals().slice(before)
      expect(fresh).toHaveLength(count)
      return fresh
    })
  const published = async (medusaId: string, fields?: object) => {
    const documentId = await createProduct(medusaId, fields)
    const before = medusa.deliveries().length
    await publish(documentId)
    await eventually(() => expect(medusa.deliveries().length).toBe(before + 1))
    return documentId
  }
  const logsOf = async (documentId: string) =>
    (await strapi.request("GET", `/commerce-bridge/sync-logs?entryDocumentId=${documentId}`, { token: admin })).body.results
  const createProduct = async (medusaId: string, fields: object = { description: "Soft cotton" }) => {
    const { body } = await upsert("product", [{ medusa_id: medusaId, handle: medusaId, title: `Title ${medusaId}` }])
    const documentId = body.data[0].document_id
    await editEntry(documentId, fields)
    return documentId as string
  }

  beforeAll(async () => {
    medusa = await startMedusaWebhookReceiver(SECRET)
    strapi = await startStrapi({
      env: {
        MEDUSA_URL: medusa.url,
        COMMERCE_BRIDGE_WEBHOOK_SECRET: SECRET,
        COMMERCE_BRIDGE_RETRY_INTERVAL_MS: "250",
        COMMERCE_BRIDGE_RETRY_BACKOFF_MS: "200",
      },
    })
    admin = await strapi.login()
    editor = await strapi.login(STRAPI_EDITOR)
  })

  afterAll(async () => {
    await strapi?.stop()
    await medusa?.close()
  })

  beforeEach(() => medusa.answerWith(acceptAll))

  it("creates drafts from Medusa's catalogue and never overwrites what editors own", async () => {
    const created = await upsert("product", [{ medusa_id: "prod_shirt", handle: "shirt", title: "Shirt" }])
    expect(created.status).toBe(200)
    expect(created.body.data).toEqual([expect.objectContaining({ medusa_id: "prod_shirt", created: true, changed: true })])
    const documentId = created.body.data[0].document_id
    expect((await version(documentId, "published"))?.publishedAt).toBeUndefined()

    await editEntry(documentId, { description: "## Soft cotton", seo_title: "The shirt", sections: [{ heading: "Care", body: "Wash cold" }] })
    await publish(documentId)
    await eventually(() => expect(medusa.deliveries()).toHaveLength(1))
    // An editor's pending change that must stay a draft through the catalogue update.
    await editEntry(documentId, { seo_title: "Draft SEO title" })

    const renamed = await upsert("product", [{ medusa_id: "prod_shirt", handle: "shirt-2", title: "Shirt, renamed" }])
    expect(renamed.body.data[0]).toMatchObject({ created: false, changed: true })
    const [draft, published] = [await version(documentId, "draft"), await version(documentId, "published")]
    expect(draft).toMatchObject({ title: "Shirt, renamed", handle: "shirt-2", description: "## Soft cotton", seo_title: "Draft SEO title" })
    expect(published).toMatchObject({ title: "Shirt, renamed", handle: "shirt-2", description: "## Soft cotton", seo_title: "The shirt" })

    const unchanged = await upsert("product", [{ medusa_id: "prod_shirt", handle: "shirt-2", title: "Shirt, renamed" }])
    expect(unchanged.body.data[0]).toMatchObject({ created: false, changed: false })
    // Medusa's writes are never sent back to Medusa.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(medusa.deliveries()).toHaveLength(1)
  })

  it("shows Medusa's fields read-only in the edit view and leaves the editors' fields editable", async () => {
    const { body } = await strapi.request("GET", `/content-manager/content-types/${PRODUCT_UID}/configuration`, { token: admin })
    const editable = Object.fromEntries(Object.entries(body.data.contentType.metadatas).map(([field, meta]: [string, any]) => [field, meta.edit?.editable]))
    expect(editable).toMatchObject({ medusa_id: false, handle: false, title: false, description: true, seo_title: true, seo_description: true, gallery: true, sections: true })
  })

  it("sends the published editor content, signed, with absolute data only", async () => {
    const before = medusa.deliveries().length
    const documentId = await createProduct("prod_signed", { description: "Linen", seo_title: "Linen shirt", seo_description: "Cool in summer", sections: [{ heading: "Fit", body: "Relaxed" }] })
    await publish(documentId)
    const [delivery] = await eventually(() => {
      const fresh = medusa.deliveries().slice(before)
      expect(fresh).toHaveLength(1)
      return fresh
    })
    expect(delivery.verified).toBe(true)
    expect(delivery.body).toEqual({
      entity: "product",
      medusa_id: "prod_signed",
      document_id: documentId,
      locale: null,
      published_at: expect.any(String),
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      origin: "strapi",
      content: { description: "Linen", seo_title: "Linen shirt", seo_description: "Cool in summer", gallery: [], sections: [{ heading: "Fit", body: "Relaxed" }] },
    })
    expect(JSON.stringify(delivery.body)).not.toContain("Title prod_signed") // Medusa-owned fields stay home
  })

  it("sends gallery images with absolute URLs", async () => {
    // A 1×1 PNG, uploaded through Strapi's media library as an editor would.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64")
    const form = new FormData()
    form.append("files", new Blob([png], { type: "image/png" }), "linen.png")
    form.append("fileInfo", JSON.stringify({ alternativeText: "Linen shirt, folded" }))
    const uploaded = await fetch(`${strapi.url}/upload`, { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: form })
    expect(uploaded.status).toBe(201)
    const [file] = await uploaded.json()

    const documentId = await createProduct("prod_gallery", { description: "With pictures", gallery: [file.id] })
    await publish(documentId)
    const delivery = await eventually(() => {
      const found = medusa.deliveries().find((request) => request.body.medusa_id === "prod_gallery")
      expect(found).toBeDefined()
      return found!
    })
    expect(delivery.body.content.gallery).toEqual([
      { url: `${strapi.url}${file.url}`, alternative_text: "Linen shirt, folded", width: 1, height: 1 },
    ])
    expect(file.url).toMatch(/^\/uploads\/linen_[0-9a-f]+\.png$/)
  })

  it("skips a publish that changed nothing, and a manual sync sends it anyway", async () => {
    const documentId = await createProduct("prod_same")
    await publish(documentId)
    await eventually(async () => expect((await logsOf(documentId))[0]?.outcome).toBe("succeeded"))
    const sent = medusa.deliveries().length

    await publish(documentId)
    await eventually(async () => expect((await logsOf(documentId))[0]?.outcome).toBe("skipped"))
    expect(medusa.deliveries()).toHaveLength(sent)

    const manual = await strapi.request("POST", `/commerce-bridge/documents/product/${documentId}/sync`, { token: editor })
    expect(manual.status).toBe(200)
    expect(manual.body.data).toMatchObject({ outcome: "succeeded", trigger: "manual" })
    expect(medusa.deliveries()).toHaveLength(sent + 1)
  })

  it("records a delivery while Medusa is down and retries it until Medusa takes it", async () => {
    medusa.answerWith(() => ({ status: 503, body: { message: "Service Unavailable" } }))
    const documentId = await createProduct("prod_down")
    await publish(documentId)
    const [failed] = await eventually(async () => {
      const logs = await logsOf(documentId)
      expect(logs[0]).toMatchObject({ outcome: "failed", http_status: 503, trigger: "publish" })
      return logs
    })
    expect(failed.error).toContain("503")
    expect(failed.next_attempt_at).toEqual(expect.any(String))

    medusa.answerWith((request) => ({ status: 200, body: { stored: true, medusa_id: request.body.medusa_id } }))
    const [retried] = await eventually(async () => {
      const logs = await logsOf(documentId)
      expect(logs[0].outcome).toBe("succeeded")
      return logs
    }, 15_000)
    expect(retried.documentId).toBe(failed.documentId)
    expect(retried.attempts).toBeGreaterThanOrEqual(2)
    expect(retried.next_attempt_at).toBeNull()
  })

  it("withdraws the content, signed, when an editor unpublishes the entry, and sends it again when republished", async () => {
    const documentId = await published("prod_unpublished")
    const before = medusa.withdrawals().length
    expect((await unpublish(documentId)).status).toBe(200)
    const [withdrawal] = await withdrawalsSince(before)
    expect(withdrawal).toMatchObject({ method: "POST", verified: true })
    expect(withdrawal.body).toEqual({ entity: "product", medusa_id: "prod_unpublished", document_id: documentId, locale: null, reason: "unpublish", origin: "strapi" })
    await eventually(async () =>
      expect((await logsOf(documentId))[0]).toMatchObject({ trigger: "unpublish", outcome: "succeeded", medusa_id: "prod_unpublished", details: { removed: true } })
    )

    // Unpublishing a draft changes nothing Medusa holds; republishing the same content is sent again, not skipped.
    await unpublish(documentId)
    const sent = medusa.deliveries().length
    await publish(documentId)
    await eventually(async () => expect((await logsOf(documentId))[0]).toMatchObject({ trigger: "publish", outcome: "succeeded" }))
    expect(medusa.deliveries()).toHaveLength(sent + 1)
    expect(medusa.withdrawals()).toHaveLength(before + 1)
  })

  it("withdraws the content once when an editor deletes the entry, naming the Medusa id it had", async () => {
    const documentId = await published("prod_deleted")
    const before = medusa.withdrawals().length
    expect((await remove(documentId)).status).toBe(200)
    const [withdrawal] = await withdrawalsSince(before)
    expect(withdrawal).toMatchObject({ verified: true, body: { entity: "product", medusa_id: "prod_deleted", document_id: documentId, reason: "delete", origin: "strapi" } })
    const [logged] = await eventually(async () => {
      const logs = await logsOf(documentId)
      expect(logs[0]).toMatchObject({ trigger: "delete", outcome: "succeeded", medusa_id: "prod_deleted" })
      return logs
    })
    expect(logged.direction).toBe("to_medusa")
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(medusa.withdrawals()).toHaveLength(before + 1)
  })

  it("withdraws each entry of a bulk unpublish and a bulk delete once their transaction commits", async () => {
    const documents = [await published("prod_bulk_1"), await published("prod_bulk_2")]
    const before = medusa.withdrawals().length
    const bulk = (action: string) =>
      strapi.request("POST", `/content-manager/collection-types/${PRODUCT_UID}/actions/${action}`, { token: admin, body: { documentIds: documents } })
    expect((await bulk("bulkUnpublish")).status).toBe(200)
    const unpublished = await withdrawalsSince(before, 2)
    expect(unpublished.map((request) => [request.body.medusa_id, request.body.reason]).sort()).toEqual([["prod_bulk_1", "unpublish"], ["prod_bulk_2", "unpublish"]])
    expect((await bulk("bulkDelete")).status).toBe(200)
    const deleted = await withdrawalsSince(before + 2, 2)
    expect(deleted.map((request) => [request.body.medusa_id, request.body.reason]).sort()).toEqual([["prod_bulk_1", "delete"], ["prod_bulk_2", "delete"]])
  })

  it("sends no withdrawal for Medusa's own catalogue delete", async () => {
    const documentId = await published("prod_medusa_deleted")
    const before = medusa.withdrawals().length
    const removed = await strapi.request("DELETE", "/api/commerce-bridge/catalogue/product/prod_medusa_deleted", { token: strapi.apiToken })
    expect(removed.body).toEqual({ data: { deleted: true } })
    expect((await strapi.request("GET", entryPath(documentId), { token: admin })).status).toBe(404)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(medusa.withdrawals()).toHaveLength(before)
    expect((await logsOf(documentId)).map((log: any) => log.trigger)).toEqual(["catalogue", "publish"])
  })

  it("records a withdrawal while Medusa is down and retries it until Medusa takes it", async () => {
    const documentId = await published("prod_withdraw_down")
    medusa.answerWith((request) => (request.path.endsWith("/content-withdrawals") ? { status: 503, body: { message: "Service Unavailable" } } : acceptAll(request)))
    await unpublish(documentId)
    const [failed] = await eventually(async () => {
      const logs = await logsOf(documentId)
      expect(logs[0]).toMatchObject({ trigger: "unpublish", outcome: "failed", http_status: 503, next_attempt_at: expect.any(String) })
      return logs
    })
    expect(failed.error).toBe("Medusa answered 503: Service Unavailable")

    medusa.answerWith(acceptAll)
    const [retried] = await eventually(async () => {
      const logs = await logsOf(documentId)
      expect(logs[0]).toMatchObject({ outcome: "succeeded", trigger: "unpublish" })
      return logs
    }, 15_000)
    expect(retried).toMatchObject({ documentId: failed.documentId, next_attempt_at: null, details: { removed: true } })
    expect(retried.attempts).toBeGreaterThanOrEqual(2)
    expect(medusa.withdrawals().filter((request) => request.body.medusa_id === "prod_withdraw_down").length).toBe(retried.attempts)
  })

  it("drops a failed withdrawal once the entry is published again", async () => {
    const documentId = await published("prod_republished")
    medusa.answerWith((request) => (request.path.endsWith("/content-withdrawals") ? { status: 503, body: { message: "Service Unavailable" } } : acceptAll(request)))
    await unpublish(documentId)
    const [failed] = await eventually(async () => {
      const logs = await logsOf(documentId)
      expect(logs[0]).toMatchObject({ trigger: "unpublish", outcome: "failed" })
      return logs
    })
    await publish(documentId)
    const dropped = await eventually(async () => {
      const logs = await logsOf(documentId)
      const entry = logs.find((log: any) => log.documentId === failed.documentId)
      expect(entry).toMatchObject({ outcome: "skipped", next_attempt_at: null })
      return entry
    }, 15_000)
    expect(dropped.details.reason).toContain("published again")
    // The withdrawal never reached Medusa, so Medusa still holds the republished (unchanged) content.
    expect((await logsOf(documentId)).filter((log: any) => log.trigger === "publish").map((log: any) => log.outcome)).toEqual(["skipped", "succeeded"])
  })

  it("records Medusa's 404 for an unknown product without retrying it, and retries it on demand", async () => {
    medusa.answerWith(() => ({ status: 404, body: { message: "Product prod_gone was not found" } }))
    const documentId = await createProduct("prod_gone")
    await publish(documentId)
    const [failed] = await eventually(async () => {
      const logs = await logsOf(documentId)
      expect(logs[0]).toMatchObject({ outcome: "failed", http_status: 404, next_attempt_at: null })
      return logs
    })
    expect(failed.error).toBe("Medusa answered 404: Product prod_gone was not found")

    medusa.answerWith((request) => ({ status: 200, body: { stored: true, medusa_id: request.body.medusa_id } }))
    const retry = await strapi.request("POST", `/commerce-bridge/sync-logs/${failed.documentId}/retry`, { token: editor })
    expect(retry.status).toBe(200)
    expect(retry.body.data).toMatchObject({ documentId: failed.documentId, outcome: "succeeded", attempts: 2 })
    const again = await strapi.request("POST", `/commerce-bridge/sync-logs/${failed.documentId}/retry`, { token: editor })
    expect(again.status).toBe(400)
  })

  it("refuses bad catalogue input with a 400 naming the problem, and requests without a valid token", async () => {
    const missingId = await upsert("product", [{ handle: "x" }])
    expect(missingId.status).toBe(400)
    expect(missingId.body.error.message).toBe("data[0].medusa_id must be a non-empty string")
    expect((await upsert("order", [{ medusa_id: "order_1" }])).body.error.message).toBe("entity must be one of product, category, collection")
    expect((await upsert("product", [])).body.error.message).toBe("data must hold 1 to 100 items")
    expect((await upsert("product", [{ medusa_id: "p", title: 5 }])).body.error.message).toBe("data[0].title must be a string or null")
    expect((await upsert("product", [{ medusa_id: "p" }], "wrong-token")).status).toBe(401)
    expect((await strapi.request("GET", "/api/commerce-bridge/status")).status).toBe(401)
    expect((await strapi.request("GET", "/api/commerce-bridge/status", { token: strapi.apiToken })).body).toEqual({ data: { plugin: "commerce-bridge" } })
  })

  it("refuses to sync an entry that was never published", async () => {
    const { body } = await upsert("product", [{ medusa_id: "prod_draft", handle: "draft", title: "Draft" }])
    const answer = await strapi.request("POST", `/commerce-bridge/documents/product/${body.data[0].document_id}/sync`, { token: admin })
    expect(answer.status).toBe(400)
    expect(answer.body.error.message).toBe("Only published content reaches Medusa: publish the entry first")
  })

  it("keeps settings to admins, never shows the secret, and reports a secret Medusa rejects", async () => {
    expect((await strapi.request("GET", "/commerce-bridge/settings", { token: editor })).status).toBe(403)
    const settings = await strapi.request("GET", "/commerce-bridge/settings", { token: admin })
    expect(settings.body.data).toEqual({ medusa_url: medusa.url, medusa_url_source: "config", webhook_secret_set: true, webhook_secret_source: "config" })
    expect(JSON.stringify(settings.body)).not.toContain(SECRET)

    expect((await strapi.request("GET", "/commerce-bridge/status", { token: editor })).body.data).toMatchObject({ reachable: true, secret_valid: true })
    const bad = await strapi.request("PUT", "/commerce-bridge/settings", { token: admin, body: { medusa_url: "ftp://nope" } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain("medusa_url")

    await strapi.request("PUT", "/commerce-bridge/settings", { token: admin, body: { webhook_secret: "another-secret-0123456789" } })
    const status = await strapi.request("GET", "/commerce-bridge/status", { token: admin })
    expect(status.body.data).toMatchObject({ reachable: true, secret_valid: false, error: "Medusa rejected the webhook secret" })
    await strapi.request("PUT", "/commerce-bridge/settings", { token: admin, body: { webhook_secret: "" } })
    expect((await strapi.request("GET", "/commerce-bridge/status", { token: admin })).body.data.secret_valid).toBe(true)
  })

  it("pushes all published content with progress", async () => {
    const documents = [await createProduct("prod_push_1"), await createProduct("prod_push_2")]
    for (const documentId of documents) await publish(documentId)
    const started = await strapi.request("POST", "/commerce-bridge/pushes", { token: editor })
    expect(started.status).toBe(202)
    const run = await eventually(async () => {
      const { body } = await strapi.request("GET", `/commerce-bridge/pushes/${started.body.data.id}`, { token: editor })
      expect(body.data.status).toBe("completed")
      return body.data
    })
    expect(run.total).toBeGreaterThanOrEqual(2)
    expect(run).toMatchObject({ done: run.total, failed: 0 })
    for (const documentId of documents) expect((await logsOf(documentId))[0]).toMatchObject({ trigger: "push_all", outcome: "succeeded" })
  })

  it("asks Medusa for its catalogue, and says so readably when Medusa cannot be reached", async () => {
    const run = { id: "run_1", status: "running", entities: ["product"], total: 10, done: 0, failed: 0, error: null, started_at: new Date().toISOString(), finished_at: null }
    medusa.answerWith(() => ({ status: 202, body: { run } }))
    const started = await strapi.request("POST", "/commerce-bridge/pulls", { token: editor, body: { entities: ["product"] } })
    expect(started.status).toBe(202)
    expect(started.body.data).toEqual(run)
    expect(medusa.received.at(-1)).toMatchObject({ method: "POST", path: "/webhooks/strapi/catalogue-syncs", body: { entities: ["product"] }, verified: true })
    expect((await strapi.request("POST", "/commerce-bridge/pulls", { token: editor, body: { entities: ["order"] } })).status).toBe(400)

    const closed = await startLocalServer(() => undefined)
    await closed.close()
    await strapi.request("PUT", "/commerce-bridge/settings", { token: admin, body: { medusa_url: closed.url } })
    try {
      const down = await strapi.request("POST", "/commerce-bridge/pulls", { token: editor })
      expect(down.status).toBe(502)
      expect(down.body.error.message).toBe(`Medusa is unreachable at ${closed.url} (ECONNREFUSED)`)
    } finally {
      await strapi.request("PUT", "/commerce-bridge/settings", { token: admin, body: { medusa_url: "" } })
    }
  })

  it("syncs categories and collections, and deletes what Medusa deleted", async () => {
    const { body } = await upsert("category", [{ medusa_id: "pcat_shirts", handle: "shirts", title: "Shirts" }])
    const categoryId = body.data[0].document_id
    const categoryUid = "plugin::commerce-bridge.category"
    await editEntry(categoryId, { description: "All our shirts" }, categoryUid)
    await publish(categoryId, categoryUid)
    await eventually(() =>
      expect(medusa.deliveries().at(-1)?.body).toMatchObject({ entity: "category", medusa_id: "pcat_shirts", content: { description: "All our shirts" } })
    )
    expect((await upsert("collection", [{ medusa_id: "pcol_summer", handle: "summer", title: "Summer" }])).body.data[0].created).toBe(true)

    const removed = await strapi.request("DELETE", "/api/commerce-bridge/catalogue/category/pcat_shirts", { token: strapi.apiToken })
    expect(removed.body).toEqual({ data: { deleted: true } })
    expect((await strapi.request("GET", `${entryPath(categoryId, categoryUid)}`, { token: admin })).status).toBe(404)
    expect((await strapi.request("DELETE", "/api/commerce-bridge/catalogue/category/pcat_shirts", { token: strapi.apiToken })).body).toEqual({ data: { deleted: false } })
  })
})
