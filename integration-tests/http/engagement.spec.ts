import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import type BridgeModuleService from "../../src/modules/bridge/service"
import { NOTIFICATIONS_MODULE } from "../../src/modules/notifications"
import type DeliveryModuleService from "../../src/modules/notifications/service"
import { transitionEngagementStep } from "../../src/workflows/steps/transition-engagement"
import { writeEngagementToProductStep } from "../../src/workflows/steps/write-engagement-to-product"
import { OpenAIFixture, startOpenAIFixture } from "../__fixtures__/openai"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { placeOrder, setUpShop } from "../helpers/shop"
import { fixedPort } from "../helpers/local-server"

jest.setTimeout(180 * 1000)

// medusa-config reads the OpenAI settings when it loads, before any hook runs: the port is fixed per process.
const OPENAI_PORT = fixedPort(7000)
Object.assign(process.env, {
  OPENAI_API_KEY: "sk-test",
  OPENAI_BASE_URL: `http://127.0.0.1:${OPENAI_PORT}/v1`,
  OPENAI_MODEL: "gpt-4o-mini",
})
// Started on load: the minute health check may call it while the app boots.
const openaiStarting = startOpenAIFixture({ port: OPENAI_PORT })

const ENGAGEMENTS = "/admin/commerce-bridge/engagements"

/** The apply workflow's first two steps, then a failure: both must be undone. */
const applyThenFailWorkflow = createWorkflow("engagement-spec-apply-then-fail", (input: { id: string }) => {
  const approved = transitionEngagementStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      from: ["draft" as const],
      set: { status: "approved" as const, approved_by: "user_spec", approved_at: new Date() },
    }))
  )
  writeEngagementToProductStep(approved)
  createStep("engagement-spec-fail", async (productId: string, { container }) => {
    const [product] = await container.resolve("product").listProducts({ id: productId }, { select: ["description"] })
    throw new Error(`Stopped after writing: ${product.description}`)
  })(transform({ approved }, ({ approved }) => approved.subject_id))
  return new WorkflowResponse(approved)
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let openai: OpenAIFixture
    let catalogue: Catalogue
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      openai = await openaiStarting
    })
    afterAll(() => openai.close())

    beforeEach(async () => {
      openai.reset()
      catalogue = await setUpCatalogue(getContainer())
      admin = await createAdminHeaders(getContainer(), api)
      // The database is restored before each test, the registry's cache is not: start from a known state.
      await getContainer().resolve<BridgeModuleService>(BRIDGE_MODULE).configureIntegration("openai", {
        enabled: true,
        settings: { monthlyBudgetUsd: null },
      })
    })

    const generate = (body: Record<string, unknown>) => responseOf(api.post(ENGAGEMENTS, body, admin))
    const productOf = async (id: string) => (await api.get(`/admin/products/${id}?fields=description,metadata`, admin)).data.product
    const sentToModel = () => JSON.stringify(openai.requests.map((request) => request.body))

    it("drafts a product description in seconds, and applying it changes the product's description", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Alpaca cardigan", eur: 129 })

      const { status, data } = await generate({ kind: "product_description", subject_id: product.id, locale: "en-GB", tone: "warm" })
      expect(status).toBe(201)
      const draft = data.engagement
      expect(draft).toMatchObject({
        kind: "product_description",
        subject_type: "product",
        subject_id: product.id,
        locale: "en-GB",
        tone: "warm",
        status: "draft",
        model: "gpt-4o-mini",
        prompt_version: "product-description@1",
        requested_by: expect.stringMatching(/^user_/),
        content: { description: expect.stringContaining("Alpaca cardigan") },
      })
      expect(draft.input_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(draft.tokens_in).toBeGreaterThan(0)
      expect(draft.cost_usd).toBeGreaterThan(0)
      expect(openai.requestCount).toBe(1)
      expect(sentToModel()).toContain("Product: Alpaca cardigan")
      expect((await productOf(product.id)).description).toBeNull()

      const applied = await api.post(`${ENGAGEMENTS}/${draft.id}/apply`, {}, admin)
      expect(applied.data.engagement).toMatchObject({ status: "applied", approved_by: draft.requested_by, previous: { description: null } })
      expect((await productOf(product.id)).description).toBe(draft.content.description)

      // Applied once: it cannot be applied again, and its history shows it.
      expect((await responseOf(api.post(`${ENGAGEMENTS}/${draft.id}/apply`, {}, admin))).status).toBe(400)
      const history = await api.get(`${ENGAGEMENTS}?subject_id=${product.id}`, admin)
      expect(history.data).toMatchObject({ count: 1, engagements: [{ id: draft.id, status: "applied" }] })
    })

    it("puts the product and the draft back when applying fails after the write", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Wool blanket", eur: 90 })
      await api.post(`/admin/products/${product.id}`, { description: "The merchant's own text." }, admin)
      const { data } = await generate({ kind: "product_description", subject_id: product.id })

      const { errors } = await applyThenFailWorkflow(getContainer()).run({ input: { id: data.engagement.id }, throwOnError: false })
      expect(errors[0].error.message).toBe(`Stopped after writing: ${data.engagement.content.description}`)
      expect((await productOf(product.id)).description).toBe("The merchant's own text.")
      const { data: after } = await api.get(`${ENGAGEMENTS}/${data.engagement.id}`, admin)
      expect(after.engagement).toMatchObject({ status: "draft", approved_by: null, approved_at: null })
    })

    it("writes an edited SEO draft to the product's metadata, keeping its other keys", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Merino beanie", eur: 35 })
      await api.post(`/admin/products/${product.id}`, { metadata: { origin: "NZ" } }, admin)
      const { data } = await generate({ kind: "seo", subject_id: product.id })
      expect(data.engagement).toMatchObject({ locale: "en", tone: "friendly", content: { seo_title: expect.any(String), seo_description: expect.any(String) } })

      const bad = await responseOf(api.post(`${ENGAGEMENTS}/${data.engagement.id}`, { content: { seo_title: "Only a title" } }, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("seo_description")
      const content = { seo_title: "Merino beanie | Nordic Goods", seo_description: "A soft merino beanie for cold mornings." }
      await api.post(`${ENGAGEMENTS}/${data.engagement.id}`, { content }, admin)

      const applied = await api.post(`${ENGAGEMENTS}/${data.engagement.id}/apply`, {}, admin)
      expect(applied.data.engagement.previous).toEqual({ seo_title: null, seo_description: null })
      expect((await productOf(product.id)).metadata).toEqual({ origin: "NZ", ...content })
      expect((await responseOf(api.post(`${ENGAGEMENTS}/${data.engagement.id}`, { content }, admin))).status).toBe(400)
    })

    it("changes nothing when a draft is rejected, and never reuses rejected text", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Felt fedora", eur: 60 })
      const body = { kind: "product_description", subject_id: product.id }
      const { data } = await generate(body)

      const rejected = await api.post(`${ENGAGEMENTS}/${data.engagement.id}/reject`, {}, admin)
      expect(rejected.data.engagement.status).toBe("rejected")
      expect((await productOf(product.id)).description).toBeNull()
      const late = await responseOf(api.post(`${ENGAGEMENTS}/${data.engagement.id}/apply`, {}, admin))
      expect(late.status).toBe(400)
      expect(late.data.message).toContain("is rejected")
      expect((await productOf(product.id)).description).toBeNull()

      const again = await generate(body)
      expect(again.data).toMatchObject({ reused: false, engagement: { status: "draft" } })
      expect(openai.requestCount).toBe(2)
    })

    it("reuses the answer for identical input without asking the model again", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Corduroy trousers", eur: 79 })
      const body = { kind: "seo", subject_id: product.id, locale: "de-DE", tone: "formal" }
      const first = await generate(body)
      const second = await generate(body)
      expect(second.status).toBe(201)
      expect(second.data).toMatchObject({
        reused: true,
        engagement: { status: "draft", reused_from_id: first.data.engagement.id, input_hash: first.data.engagement.input_hash, tokens_in: 0, cost_usd: 0 },
      })
      expect(second.data.engagement.content).toEqual(first.data.engagement.content)
      expect(openai.requestCount).toBe(1)

      // Anything that shapes the answer asks again.
      await generate({ ...body, tone: "playful" })
      expect(openai.requestCount).toBe(2)
    })

    it("stops at the monthly budget set in the admin with a clear 402, also for bulk runs", async () => {
      const products = await Promise.all(["Wool socks", "Linen scarf"].map((title) => createProduct(api, admin, catalogue, { title, eur: 15 })))
      await api.post("/admin/commerce-bridge/integrations/openai", { settings: { monthlyBudgetUsd: 0.00001 } }, admin)

      expect((await generate({ kind: "seo", subject_id: products[0].id })).status).toBe(201)
      const { data: usage } = await api.get(`${ENGAGEMENTS}/usage`, admin)
      expect(usage.usage).toMatchObject({ engagements: 1, budget_usd: 0.00001, budget_left_usd: 0 })
      expect(usage.usage.cost_usd).toBeGreaterThan(0.00001)

      const refused = await generate({ kind: "seo", subject_id: products[1].id })
      expect(refused.status).toBe(402)
      expect(refused.data).toMatchObject({ type: "budget_spent" })
      expect(refused.data.message).toMatch(/^Monthly AI budget of \$0\.00001 spent \(\$0\.0000\d+ this month\)/)
      const bulk = await responseOf(api.post(`${ENGAGEMENTS}/bulk`, { kind: "seo", all: true, confirm: true }, admin))
      expect(bulk.status).toBe(402)
      expect(openai.requestCount).toBe(1)

      // Raised in the admin: it applies at once.
      await api.post("/admin/commerce-bridge/integrations/openai", { settings: { monthlyBudgetUsd: 5 } }, admin)
      expect((await generate({ kind: "seo", subject_id: products[1].id })).status).toBe(201)
    })

    it("asks again once when the model's answer is malformed, then fails clearly and records the failure", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Rain jacket", eur: 140 })
      openai.malformedNext(1, "missing_fields")
      const recovered = await generate({ kind: "seo", subject_id: product.id })
      expect(recovered.status).toBe(201)
      expect(openai.requestCount).toBe(2)

      openai.reset()
      openai.malformedNext(2, "not_json")
      const failed = await generate({ kind: "product_description", subject_id: product.id })
      expect(failed.status).toBe(502)
      expect(failed.data.message).toContain("did not match the expected format")
      expect(openai.requestCount).toBe(2)
      const { data } = await api.get(`${ENGAGEMENTS}/${failed.data.engagement_id}`, admin)
      expect(data.engagement).toMatchObject({ status: "failed", content: null, error: expect.stringContaining("expected format") })
      expect((await productOf(product.id)).description).toBeNull()
    })

    it("waits as long as a 429's Retry-After asks, and answers 429 with Retry-After once retries run out", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Canvas tote", eur: 25 })
      openai.failNext(1, { status: 429, headers: { "retry-after": "1" } })
      const started = Date.now()
      expect((await generate({ kind: "seo", subject_id: product.id })).status).toBe(201)
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      const [first, second] = openai.requests
      expect(second.receivedAt.getTime() - first.receivedAt.getTime()).toBeGreaterThanOrEqual(990)

      openai.reset()
      openai.failNext(10, { status: 429, headers: { "retry-after": "1" } })
      const limited = await generate({ kind: "product_description", subject_id: product.id })
      expect(limited.status).toBe(429)
      expect(limited.headers["retry-after"]).toBe("1")
      expect(limited.data.message).toContain("rate limiting")
      expect(openai.requestCount).toBe(4)
    })

    it("writes a customer message from first name and order items only, and sends it through the notification pipeline", async () => {
      const shop = await setUpShop(getContainer())
      const order = await placeOrder(api, shop, { email: "jane@example.com", phone: "+4915112345678", firstName: "Jane" })

      const { status, data } = await generate({
        kind: "customer_message",
        subject_id: order.id,
        channel: "email",
        instructions: "Thank her for the order and mention free returns",
      })
      expect(status).toBe(201)
      expect(data.engagement).toMatchObject({ subject_type: "order", channel: "email", status: "draft", content: { subject: expect.any(String), body: expect.any(String) } })
      const prompt = sentToModel()
      expect(prompt).toContain("Customer first name: Jane")
      expect(prompt).toContain(`Order: #${order.display_id}`)
      expect(prompt).toContain("Item: Linen shirt × 2")
      for (const contact of ["jane@example.com", "4915112345678", "Doe", "Torstraße", "10119", "Berlin"]) {
        expect(prompt).not.toContain(contact)
      }

      const sent = await api.post(`${ENGAGEMENTS}/${data.engagement.id}/send`, {}, admin)
      expect(sent.status).toBe(202)
      expect(sent.data.engagement).toMatchObject({ status: "sent", delivery_id: expect.stringMatching(/^cbdel_/) })
      expect(JSON.stringify(sent.data)).not.toContain("jane@example.com")
      const deliveries = getContainer().resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
      // Mailgun is not configured here: the pipeline stores the message in the outbox.
      const delivery = await eventually(async () => {
        const row = await deliveries.retrieveDeliveryRecord(sent.data.engagement.delivery_id)
        expect(row.status).toBe("outboxed")
        return row
      })
      expect(delivery).toMatchObject({
        channel: "email",
        recipient: "jane@example.com",
        template: "engagement-message",
        resource_id: order.id,
        subject: data.engagement.content.subject,
        text: data.engagement.content.body,
      })
      expect((await responseOf(api.post(`${ENGAGEMENTS}/${data.engagement.id}/send`, {}, admin))).status).toBe(400)

      // By SMS, to the order's phone number, looked up only when it is sent.
      const sms = await generate({ kind: "customer_message", subject_id: order.id, channel: "sms" })
      expect(sentToModel()).not.toContain("4915112345678")
      const smsSent = await api.post(`${ENGAGEMENTS}/${sms.data.engagement.id}/send`, {}, admin)
      expect(await deliveries.retrieveDeliveryRecord(smsSent.data.engagement.delivery_id)).toMatchObject({ channel: "sms", recipient: "+4915112345678", subject: null })
    })

    it("drafts 50 products in the background after an estimate, with progress", async () => {
      const { result } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: Array.from({ length: 50 }, (_, index) => ({
            title: `Bulk product ${index + 1}`,
            status: "published" as const,
            shipping_profile_id: catalogue.shippingProfileId,
            options: [{ title: "Size", values: ["M"] }],
          })),
        },
      })
      const body = { kind: "seo", product_ids: result.map((product) => product.id), locale: "en", tone: "friendly" }

      const { data: estimate } = await api.post(`${ENGAGEMENTS}/bulk/estimate`, body, admin)
      expect(estimate).toMatchObject({ kind: "seo", model: "gpt-4o-mini", products: 50, budget_left_usd: null })
      expect(estimate.estimated_tokens).toBeGreaterThan(50 * 80)
      expect(estimate.estimated_cost_usd).toBeGreaterThan(0)
      expect(openai.requestCount).toBe(0)

      const unconfirmed = await responseOf(api.post(`${ENGAGEMENTS}/bulk`, body, admin))
      expect(unconfirmed.status).toBe(400)
      expect(unconfirmed.data.message).toContain("confirm")

      openai.setLatency(40)
      const started = await api.post(`${ENGAGEMENTS}/bulk`, { ...body, confirm: true }, admin)
      expect(started.status).toBe(202)
      expect(started.data.bulk_run).toMatchObject({ status: "queued", product_count: 50, estimated_cost_usd: estimate.estimated_cost_usd })
      const runUrl = `${ENGAGEMENTS}/bulk/${started.data.bulk_run.id}`

      const seen = new Set<number>()
      const finished = await eventually(async () => {
        const { data } = await api.get(runUrl, admin)
        seen.add(data.bulk_run.progress.percent)
        expect(data.bulk_run.status).toBe("completed")
        return data.bulk_run
      }, 60_000)
      expect(finished).toMatchObject({ done: 50, failed: 0, progress: { total: 50, done: 50, remaining: 0, percent: 100 } })
      expect(finished.actual_cost_usd).toBeGreaterThan(0)
      expect([...seen].some((percent) => percent > 0 && percent < 100)).toBe(true)
      expect(openai.requestCount).toBe(50)
      // The worker drafts a few at a time, as the engagement.concurrency option says (2).
      expect(openai.maxInFlight).toBeLessThanOrEqual(2)

      const { data: drafts } = await api.get(`${ENGAGEMENTS}?bulk_run_id=${finished.id}&status=draft&limit=100`, admin)
      expect(drafts.count).toBe(50)
    })

    describe("refusals", () => {
      it("answers 409 while OpenAI is switched off", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Tweed cap", eur: 45 })
        await api.post("/admin/commerce-bridge/integrations/openai", { enabled: false }, admin)
        const refused = await generate({ kind: "seo", subject_id: product.id })
        expect(refused.status).toBe(409)
        expect(refused.data.message).toBe("OpenAI is switched off in Settings → Integrations")
        expect(openai.requestCount).toBe(0)
      })

      it.each([
        [{ kind: "poem", subject_id: "prod_1" }, "kind"],
        [{ kind: "seo" }, "subject_id"],
        [{ kind: "seo", subject_id: "prod_1", locale: "english please" }, "locale"],
        [{ kind: "seo", subject_id: "prod_1", channel: "fax" }, "channel"],
        [{ kind: "seo", subject_id: "prod_1", surprise: true }, "surprise"],
      ])("answers 400 naming the field for %j", async (body, field) => {
        const response = await generate(body)
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(field)
      })

      it("answers 400 for a channel on a product text or a product kind about an order", async () => {
        const product = await createProduct(api, admin, catalogue, { title: "Silk tie", eur: 30 })
        expect((await generate({ kind: "seo", subject_id: product.id, channel: "email" })).data.message).toContain("channel")
        expect((await generate({ kind: "seo", subject_id: "order_1", subject_type: "order" })).status).toBe(400)
        expect((await responseOf(api.post(`${ENGAGEMENTS}/bulk/estimate`, { kind: "seo" }, admin))).data.message).toContain("product_ids")
      })

      it("answers 404 for unknown engagements, runs and subjects", async () => {
        expect((await responseOf(api.get(`${ENGAGEMENTS}/eng_missing`, admin))).status).toBe(404)
        expect((await responseOf(api.post(`${ENGAGEMENTS}/eng_missing/apply`, {}, admin))).status).toBe(404)
        expect((await responseOf(api.get(`${ENGAGEMENTS}/bulk/engrun_missing`, admin))).status).toBe(404)
        const missing = await generate({ kind: "seo", subject_id: "prod_missing" })
        expect(missing.status).toBe(404)
        expect(missing.data.message).toContain("prod_missing")
        const estimate = await responseOf(api.post(`${ENGAGEMENTS}/bulk/estimate`, { kind: "seo", product_ids: ["prod_missing"] }, admin))
        expect(estimate.status).toBe(404)
        expect(openai.requestCount).toBe(0)
      })
    })
  },
})
