import type { Page } from "playwright-core"
import { defaultAnswer, startOpenAIFixture, subjectOf, type ChatRequestBody, type OpenAIFixture } from "../__fixtures__/openai"
import { placeOrder, type Buyer } from "../helpers/shop"
import { ADMIN_COLD_START_MS } from "./helpers/browser"
import { adminGet, adminPost, tabTo, useDevStore } from "./helpers/dev-store-session"
import { waitFor } from "./helpers/processes"

jest.setTimeout(20 * 60 * 1000)

const STEP_MS = 120_000
const ENGAGEMENTS = "/admin/commerce-bridge/engagements"
const OPENAI = "/admin/commerce-bridge/integrations/openai"

/** Answers that read like a model's, so the screenshots show believable drafts. */
function modelAnswer(body: ChatRequestBody): object | string {
  const product = subjectOf(body).replace(/^Product:\s*/, "")
  const schema = body.response_format?.type === "json_schema" ? body.response_format.json_schema.name : ""
  if (schema === "product_description") {
    return {
      description:
        `The ${product} is made for everyday wear and the odd special occasion. It is cut from soft, durable fabric that keeps ` +
        `its shape wash after wash, with clean seams and a relaxed fit that layers easily. Pair it with denim for the weekend or ` +
        `with tailored trousers for the office: it works with what you already own. Thoughtful details, honest materials and a ` +
        `finish that lasts make it a piece you will reach for season after season.`,
    }
  }
  if (schema === "customer_message") {
    const text = body.messages.map(({ content }) => (typeof content === "string" ? content : JSON.stringify(content))).join("\n")
    const name = /Customer first name: (.+)/.exec(text)?.[1]?.trim()
    const order = /Order: (#\S+)/.exec(text)?.[1] ?? "your order"
    const item = /Item: (.+?) ×/.exec(text)?.[1]
    return {
      subject: `Thank you for order ${order}`,
      body:
        `Hi ${name && name !== "(unknown)" ? name : "there"},\n\nThank you for order ${order}. ` +
        `${item ? `Your ${item} is packed and ` : "It is "}on its way to you soon.\n\nWarm regards,\nCommerceBridge Demo`,
    }
  }
  if (schema === "seo") {
    return {
      seo_title: `${product} – soft, durable, made to last`.slice(0, 60),
      seo_description: `Shop the ${product}: soft, durable fabric, a relaxed fit and clean details. Made to be worn every day. Free returns.`,
    }
  }
  return defaultAnswer(body) as object | string
}

/** Write with AI on a product, the bulk page and the usage on the Integrations page, against the local OpenAI fixture. */
describe("admin: AI drafts (Write with AI, bulk drafts, usage)", () => {
  let openai: OpenAIFixture | undefined
  const env: NodeJS.ProcessEnv = {
    OPENAI_MODEL: "",
    SEARCH_PROVIDER: "postgres",
    MEILISEARCH_HOST: "",
    OPENSEARCH_NODE: "",
    // The in-process queue: no other process on the shared Redis takes this store's bulk jobs.
    REDIS_URL: "",
    COMMERCE_BRIDGE_QUEUE_REDIS_URL: "",
    // Whatever a local .env says, a customer message lands in the outbox rather than in a real inbox.
    MAILGUN_API_KEY: "",
  }
  // Registered before the dev store's own beforeAll, which reads `env` when it starts the store.
  beforeAll(async () => {
    openai = await startOpenAIFixture({ latencyMs: 200 })
    openai.respondWith(modelAnswer)
    Object.assign(env, { OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.url })
  })
  const store = useDevStore("engagement", env)
  afterAll(() => openai?.close())

  it("drafts, edits and applies a description from the product page, drafts three products in bulk, and shows the usage", () =>
    store.inAdmin(async (page) => {
      const product = await writeWithAI(page)
      await bulkDrafts(page, product.title)
      await usageOnIntegrations(page)
    }))

  it("drafts, edits and sends a follow-up message to an order's customer, recorded as a delivery", () =>
    store.inAdmin(async (page) => {
      await followUpMessage(page)
    }))

  const setOpenAI = async (page: Page, body: object) => expect((await adminPost(page, OPENAI, body)).status).toBe(200)

  /** The first product by title: drafts, edits and applies its description; returns it. */
  async function writeWithAI(page: Page): Promise<{ id: string; title: string }> {
    const { products: [product] } = await adminGet(page, "/admin/products?limit=1&fields=id,title&order=title")
    await page.goto(`${store.baseUrl}/app/products/${product.id}`)
    const widget = page.getByTestId("write-with-ai")
    await widget.waitFor({ timeout: ADMIN_COLD_START_MS })
    page.setDefaultTimeout(STEP_MS)
    await widget.getByText("No drafts for this product yet.").waitFor()
    const generate = widget.getByRole("button", { name: "Generate draft" })
    const problem = widget.getByTestId("generation-problem")

    // OpenAI switched off: a 409 that points to the Integrations page.
    await setOpenAI(page, { enabled: false })
    await generate.click()
    await problem.getByText("OpenAI is not available (409)").waitFor()
    await problem.getByText("OpenAI is switched off in Settings → Integrations").waitFor()
    expect(await problem.getByRole("link", { name: "Open Settings → Integrations" }).getAttribute("href")).toBe("/app/settings/integrations")
    await setOpenAI(page, { enabled: true })

    // A spent budget: a 402 with the month's numbers.
    await setOpenAI(page, { settings: { monthlyBudgetUsd: 0 } })
    await generate.click()
    await problem.getByText("Monthly AI budget spent (402)").waitFor()
    await problem.getByText(/^Monthly AI budget of \$0\.00 spent/).waitFor()
    await problem.getByTestId("budget-figures").getByText(/\$0\.00 of \$0\.00 budget · \$0\.00 left/).waitFor()
    await setOpenAI(page, { settings: { monthlyBudgetUsd: 5 } })

    // Rate limited until the provider's retries run out: a 429 with a retry hint; Try again writes the draft.
    openai!.failNext(4, { status: 429, headers: { "retry-after": "1" } })
    await widget.getByRole("combobox", { name: "Tone" }).click()
    await page.getByRole("option", { name: "Premium" }).click()
    await widget.getByLabel("Locale").fill("en")
    await widget.getByLabel("Instructions (optional)").fill("Mention that it layers well.")
    await generate.click()
    await problem.getByText("The AI server is busy (429)").waitFor()
    await problem.getByText(/Wait a few seconds, then try again/).waitFor()
    const generated = page.waitForResponse((response) => response.url().endsWith(ENGAGEMENTS) && response.request().method() === "POST")
    await problem.getByRole("button", { name: "Try again" }).click()
    const draftResponse = await generated
    expect(draftResponse.status()).toBe(201)
    const { engagement: draft, reused } = await draftResponse.json()
    expect(draft).toMatchObject({ kind: "product_description", tone: "premium", locale: "en", status: "draft" })
    expect(reused).toBe(false)

    // The draft: its cost, an editable description with its word count; edited, then applied.
    const editor = widget.getByTestId("draft-editor")
    await editor.getByTestId("draft-cost").getByText(/tokens in · \d+ tokens out · \$/).waitFor()
    const description = editor.getByLabel("Description", { exact: true })
    expect(await description.inputValue()).toBe(draft.content.description)
    await editor.getByText(/^\d+ words \(60–180\)$/).waitFor()
    const edited = `${draft.content.description} Edited before approval in the e2e test.`
    await description.fill(edited)
    await editor.getByRole("button", { name: "Save edits" }).waitFor()
    expect((await productOf(page, product.id)).description).not.toBe(edited)
    await editor.getByRole("button", { name: "Apply to product" }).click()
    await editor.getByText(/^Applied to the product /).waitFor()
    expect((await productOf(page, product.id)).description).toBe(edited)
    // The product page's own General section shows the new description without a reload.
    await page.getByRole("paragraph").filter({ hasText: edited }).waitFor()
    await widget.getByTestId(`engagement-${draft.id}`).getByText("Applied").waitFor()

    // An SEO draft: title and meta description with their character counts; then rejected.
    await widget.getByRole("combobox", { name: "Kind" }).click()
    await page.getByRole("option", { name: "SEO title + meta description" }).click()
    await generate.click()
    const seo = widget.getByTestId("draft-editor")
    await seo.getByLabel("SEO title").waitFor()
    await seo.getByText(/^\d+ characters \(at most 60\)$/).waitFor()
    await seo.getByText(/^\d+ characters \(120–160\)$/).waitFor()
    // The admin scrolls inside its layout: a tall viewport holds the whole widget.
    await page.setViewportSize({ width: 1440, height: 1800 })
    await widget.scrollIntoViewIfNeeded()
    store.shots.set("engagement-widget.png", await widget.screenshot())
    await page.setViewportSize({ width: 1440, height: 960 })

    // The same request again: the answer comes from the cache, at no cost.
    const again = page.waitForResponse((response) => response.url().endsWith(ENGAGEMENTS) && response.request().method() === "POST")
    await generate.click()
    expect(await (await again).json()).toMatchObject({ reused: true, engagement: { cost_usd: 0, tokens_in: 0 } })
    await seo.getByTestId("draft-cost").getByText("Reused", { exact: true }).waitFor()
    await seo.getByText(/reused from the cache at no cost/).waitFor()
    await seo.getByRole("button", { name: "Reject" }).click()
    await seo.getByText("Rejected: nothing changed, and this text is never reused.").waitFor()
    expect((await productOf(page, product.id)).metadata?.seo_title).toBeUndefined()

    // The history opens an earlier draft.
    await widget.getByTestId(`engagement-${draft.id}`).click()
    expect(await widget.getByTestId("draft-editor").getByLabel("Description", { exact: true }).inputValue()).toBe(edited)
    return product
  }

  async function usageOnIntegrations(page: Page) {
    await page.goto(`${store.baseUrl}/app/settings/integrations`)
    const row = page.getByTestId("integration-openai")
    const usage = row.getByTestId("openai-usage")
    await usage.waitFor({ timeout: ADMIN_COLD_START_MS })
    await usage.getByText(/tokens in · [\d,]+ tokens out · \$[\d.]+ of \$5\.00 budget · \$[\d.]+ left · \d+ generations/).waitFor()
    // The health check beside it reaches the model server (the fixture).
    const checked = page.waitForResponse((response) => response.url().endsWith("/integrations/openai/check"))
    await row.getByRole("button", { name: "Check now" }).click()
    expect((await (await checked).json()).integration.health).toMatchObject({ status: "up" })
    await row.getByText("Healthy", { exact: true }).waitFor()
    await row.getByRole("button", { name: "Check now" }).and(page.locator(":enabled")).waitFor()
    await row.scrollIntoViewIfNeeded()
    store.shots.set("engagement-usage.png", await page.screenshot())
  }

  /** Drafts SEO text for the first three products (`first` is the first by title) and applies one result. */
  async function bulkDrafts(page: Page, first: string) {
    // From the main sidebar (the product page is in the main layout).
    await page.getByRole("link", { name: "AI drafts" }).click()
    await page.getByRole("heading", { name: "AI drafts", level: 1 }).waitFor({ timeout: ADMIN_COLD_START_MS })
    const picker = page.getByTestId("product-picker")
    await picker.getByRole("checkbox", { name: /^Select (?!every)/ }).first().waitFor()

    // Three products, with the keyboard: Tab from the search box to the first row's checkbox, Space, Tab to the next…
    await picker.getByLabel("Search products").focus()
    await tabTo(page, "aria-label", `Select ${first}`, 10)
    for (let row = 0; row < 3; row++) {
      await page.keyboard.press("Space")
      if (row < 2) await page.keyboard.press("Tab")
    }
    await picker.getByTestId("picked-count").getByText("3 selected").waitFor()

    await page.getByRole("combobox", { name: "Kind" }).click()
    await page.getByRole("option", { name: "SEO title + meta description" }).click()
    await page.getByRole("combobox", { name: "Tone" }).click()
    await page.getByRole("option", { name: "Playful" }).click()

    await page.getByRole("button", { name: "Estimate", exact: true }).click()
    const estimate = page.getByTestId("bulk-estimate")
    await estimate.getByText("Products", { exact: true }).waitFor()
    expect(await estimate.locator("dd").first().textContent()).toBe("3")
    await estimate.getByText(/^\$[\d.]+ of \$5\.00$/).waitFor()

    const started = page.waitForResponse((response) => response.url().endsWith(`${ENGAGEMENTS}/bulk`) && response.request().method() === "POST")
    await estimate.getByRole("button", { name: "Start", exact: true }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Start", exact: true }).click()
    expect((await started).status()).toBe(202)

    const progress = page.getByTestId("bulk-run-progress")
    await progress.getByText("Done", { exact: true }).waitFor()
    expect(await progress.getByRole("progressbar", { name: "Bulk run progress" }).getAttribute("aria-valuenow")).toBe("100")
    await progress.getByText(/^100% · 3 drafted · 0 failed · 0 remaining/).waitFor()
    const results = page.getByTestId("bulk-run-results")
    const rows = results.locator('[data-testid^="engagement-"]')
    await waitFor(async () => (await rows.count()) === 3, { timeoutMs: 30_000, what: "three drafts in the results" })
    expect(await results.getByText("Draft", { exact: true }).count()).toBe(3)
    await page.setViewportSize({ width: 1440, height: 1800 })
    // The bar's width animates: wait until it is drawn full.
    await page.waitForFunction(() => {
      const bar = document.querySelector('[aria-label="Bulk run progress"]')
      const fill = bar?.firstElementChild
      return Boolean(bar && fill && fill.getBoundingClientRect().width >= bar.getBoundingClientRect().width - 4)
    })
    store.shots.set("engagement-bulk.png", await page.screenshot())
    await page.setViewportSize({ width: 1440, height: 960 })

    // A result opens with the keyboard and is applied from the drawer.
    const result = rows.first()
    const id = (await result.getAttribute("data-testid"))!.replace("engagement-", "")
    await result.focus()
    await page.keyboard.press("Enter")
    const drawer = page.getByRole("dialog")
    await drawer.getByRole("button", { name: "Apply to product" }).click()
    await drawer.getByText(/^Applied to the product /).waitFor()
    const { engagement } = await adminGet(page, `${ENGAGEMENTS}/${id}`)
    expect(engagement.status).toBe("applied")
    expect((await productOf(page, engagement.subject_id)).metadata).toMatchObject({ seo_title: engagement.content.seo_title })
    await page.keyboard.press("Escape")
    await result.getByText("Applied").waitFor()
  }

  /** An order placed through the store API; its page drafts, edits and sends an email follow-up to the customer. */
  async function followUpMessage(page: Page) {
    const buyer = { email: "ada.follow-up@example.com", phone: "+4915123456789", firstName: "Ada" }
    const order = await placeDemoOrder(page, buyer)
    openai!.reset()
    openai!.respondWith(modelAnswer)

    await page.goto(`${store.baseUrl}/app/orders/${order.id}`)
    const widget = page.getByTestId("follow-up-message")
    await widget.waitFor({ timeout: ADMIN_COLD_START_MS })
    page.setDefaultTimeout(STEP_MS)
    await widget.getByText("No messages for this order yet.").waitFor()
    await widget.getByText(/sees only the customer's first name, the order number and its items/).waitFor()
    expect(await widget.getByRole("combobox", { name: "Channel" }).textContent()).toBe("Email")
    await widget.getByLabel("Instructions (optional)").fill("Thank them and say the parcel leaves on Monday.")

    const generated = page.waitForResponse((response) => response.url().endsWith(ENGAGEMENTS) && response.request().method() === "POST")
    await widget.getByRole("button", { name: "Generate draft" }).click()
    const response = await generated
    expect(response.status()).toBe(201)
    const { engagement: draft } = await response.json()
    expect(draft).toMatchObject({ kind: "customer_message", subject_type: "order", subject_id: order.id, channel: "email", status: "draft" })

    // What the model was sent: the first name, order number and items, never a way to reach the customer.
    const prompts = openai!.requests.filter(
      ({ body }) => body.response_format?.type === "json_schema" && body.response_format.json_schema.name === "customer_message"
    )
    expect(prompts).toHaveLength(1)
    const prompt = JSON.stringify(prompts[0].body)
    expect(prompt).toContain("Ada")
    expect(prompt).toContain(`#${order.display_id}`)
    for (const secret of [buyer.email, "example.com", buyer.phone, buyer.phone.slice(3), "Doe", "Torstraße", "10119"]) {
      expect(prompt).not.toContain(secret)
    }

    // The draft: subject and message, edited, then sent after a confirmation.
    const editor = widget.getByTestId("draft-editor")
    await editor.getByText("Not sent: review the text, then send it to the customer.").waitFor()
    const subject = editor.getByLabel("Subject", { exact: true })
    const message = editor.getByLabel("Message", { exact: true })
    expect(await subject.inputValue()).toBe(draft.content.subject)
    expect(await message.inputValue()).toBe(draft.content.body)
    const editedSubject = `${draft.content.subject} – it ships Monday`
    const editedBody = `${draft.content.body}\n\nP.S. Edited by the merchant before sending.`
    await subject.fill(editedSubject)
    await message.fill(editedBody)
    await editor.getByRole("button", { name: "Send to customer" }).click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText("Send this message to the customer?").waitFor()
    // Cancel sends nothing.
    await dialog.getByRole("button", { name: "Cancel" }).click()
    await dialog.waitFor({ state: "hidden" })
    expect((await adminGet(page, `${ENGAGEMENTS}/${draft.id}`)).engagement.status).toBe("draft")

    const sending = page.waitForResponse((response) => response.url().endsWith(`${ENGAGEMENTS}/${draft.id}/send`))
    await editor.getByRole("button", { name: "Send to customer" }).click()
    await dialog.getByRole("button", { name: "Send", exact: true }).click()
    expect((await sending).status()).toBe(202)
    await editor.getByText(/^Sent to the customer /).waitFor()
    await editor.getByRole("link", { name: "View delivery" }).waitFor()
    const row = widget.getByTestId(`engagement-${draft.id}`)
    await row.getByText("Sent", { exact: true }).waitFor()
    await row.getByText("Email", { exact: true }).waitFor()

    // The message went through the store's notifications: one delivery for the order, with the edited text.
    const { engagement } = await adminGet(page, `${ENGAGEMENTS}/${draft.id}`)
    expect(engagement).toMatchObject({ status: "sent", content: { subject: editedSubject, body: editedBody } })
    expect(engagement.delivery_id).toBeTruthy()
    const { deliveries } = await adminGet(page, `/admin/commerce-bridge/deliveries?resource_id=${order.id}&template=engagement-message`)
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({ id: engagement.delivery_id, channel: "email", subject: editedSubject })
    // The list masks the address: the order's e-mail, looked up at send time.
    expect(deliveries[0].recipient).toMatch(/^a\*+@e\*+\.com$/)
    // The detail view holds the body that went out: the merchant's edited text.
    const { delivery } = await adminGet(page, `/admin/commerce-bridge/deliveries/${engagement.delivery_id}`)
    expect(delivery).toMatchObject({ template: "engagement-message", resource_type: "order", resource_id: order.id, text: editedBody })

    await page.setViewportSize({ width: 1440, height: 1800 })
    await widget.scrollIntoViewIfNeeded()
    store.shots.set("engagement-order-message.png", await widget.screenshot())
    await page.setViewportSize({ width: 1440, height: 960 })
  }

  /** A guest checkout of a stocked demo variant through the store API, as a storefront places it. */
  async function placeDemoOrder(page: Page, buyer: Buyer): Promise<{ id: string; display_id: number }> {
    const { api_keys } = await adminGet(page, "/admin/api-keys?type=publishable&fields=id,token")
    const { regions } = await adminGet(page, "/admin/regions?fields=id,name")
    const publishableKey: string = api_keys[0].token
    const regionId: string = regions.find((region: { name: string }) => region.name === "Europe").id
    const api = storeApi(store.baseUrl)
    const { data } = await api.get(`/store/products?region_id=${regionId}&limit=20&fields=id,variants.id,+variants.inventory_quantity`, {
      headers: { "x-publishable-api-key": publishableKey },
    })
    const variant = data.products
      .flatMap((product: { variants: { id: string; inventory_quantity?: number }[] }) => product.variants)
      .find((candidate: { inventory_quantity?: number }) => (candidate.inventory_quantity ?? 0) >= 2)
    expect(variant).toBeDefined()
    return placeOrder(api, { publishableKey, regionId, variantId: variant.id }, buyer)
  }
})

/** The store API over fetch, shaped as placeOrder expects (`{ data }`, throwing on an error status). */
function storeApi(baseUrl: string) {
  const request = async (method: string, url: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { ...headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await response.json().catch(() => null)
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(data)}`)
    return { data }
  }
  return {
    get: (url: string, { headers }: { headers: Record<string, string> }) => request("GET", url, undefined, headers),
    post: (url: string, body: unknown, { headers }: { headers: Record<string, string> }) => request("POST", url, body, headers),
  }
}

/** The product as the admin API has it now. */
async function productOf(page: Page, id: string): Promise<{ description: string | null; metadata: Record<string, unknown> | null }> {
  return (await adminGet(page, `/admin/products/${id}?fields=id,description,metadata`)).product
}
