import { ADMIN_COLD_START_MS } from "./helpers/browser"
import { adminGet, tabTo, useDevStore } from "./helpers/dev-store-session"
import { waitFor } from "./helpers/processes"

jest.setTimeout(15 * 60 * 1000)

const SYNC_MS = 120_000

/** Settings → Search status shows the demo catalogue's product index; Reindex runs to done; the product page widget reindexes one product. */
describe("admin: search indexes and the product search widget", () => {
  // The built-in PostgreSQL engine, whatever a local .env chose.
  const store = useDevStore("search", { SEARCH_PROVIDER: "postgres", MEILISEARCH_HOST: "", OPENSEARCH_NODE: "" })

  it("shows the product index with its counts, reindexes it to done, and reindexes one product from its page", () => store.inAdmin(async (page) => {
    const { baseUrl, shots } = store
    // Settings → Search status, beside Medusa's own Search Indexes page (Settings → Search).
    await page.goto(`${baseUrl}/app/settings`)
    await page.getByRole("link", { name: "Search status", exact: true }).click()
    await page.getByRole("heading", { name: "Search status", level: 1 }).waitFor({ timeout: ADMIN_COLD_START_MS })
    await page.getByTestId("search-provider").getByText("PostgreSQL").waitFor()

    // The boot seed fills the index with the demo catalogue: documents reach the product count.
    const row = page.getByTestId("search-index-product")
    const { indexes } = await waitFor(
      async () => {
        const status = await adminGet(page, "/admin/commerce-bridge/search")
        const index = status.indexes?.find((entry: any) => entry.name === "product")
        return index?.products >= 50 && index.documents === index.products ? status : undefined
      },
      { timeoutMs: SYNC_MS, what: "the product index to hold every demo product" }
    )
    const { products } = indexes.find((entry: any) => entry.name === "product")
    await row.getByTestId("search-index-counts").getByText(`${products} / ${products}`, { exact: true }).waitFor({ timeout: 30_000 })
    await row.getByTestId("search-index-drift").getByText("None").waitFor()
    await row.getByText("Ready", { exact: true }).waitFor()

    // Reindex, with the keyboard: the run shows up and its progress reaches every product.
    await tabTo(page, "aria-label", "Reindex product")
    const reindexed = page.waitForResponse((response) => response.url().endsWith("/admin/search-indexes/product/reindex") && response.request().method() === "POST")
    await page.keyboard.press("Enter")
    expect((await reindexed).status()).toBe(202)
    await row.getByText("Reindex done").waitFor({ timeout: SYNC_MS })
    const bar = row.getByRole("progressbar", { name: "Reindex progress of product" })
    expect(await bar.getAttribute("aria-valuenow")).toBe("100")
    await row.getByText(`${products} / ${products} documents`).waitFor()
    await row.getByText(`${products} documents`, { exact: true }).waitFor()
    shots.set("search-page.png", await page.screenshot())

    // A product's page: the widget says it is indexed and current, and reindexes it.
    const { products: [product] } = await adminGet(page, "/admin/products?limit=1&fields=id,title&order=title")
    await page.goto(`${baseUrl}/app/products/${product.id}`)
    const widget = page.getByTestId("product-search-status")
    await widget.waitFor({ timeout: 120_000 })
    const state = widget.getByTestId("product-search-index-product")
    await state.getByText("Indexed", { exact: true }).waitFor({ timeout: 30_000 })
    await state.getByText("Up to date", { exact: true }).waitFor()
    const before = await state.getByText(/^Written /).textContent()

    const queued = page.waitForResponse((response) => response.url().includes(`/search/products/${product.id}/reindex`))
    await widget.getByRole("button", { name: "Reindex this product" }).click()
    expect((await queued).status()).toBe(202)
    await widget.getByText("Reindexed: every index holds the current product.").waitFor({ timeout: SYNC_MS })
    expect(await state.getByText(/^Written /).textContent()).not.toBe(before)
    await state.getByText("Up to date", { exact: true }).waitFor()

    await widget.scrollIntoViewIfNeeded()
    shots.set("search-product-widget.png", await page.screenshot())
  }))
})
