import { mkdirSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import type { Browser, Page } from "playwright-core"
import { ADMIN_COLD_START_MS, launchBrowser, loginToAdmin } from "./helpers/browser"
import { devStoreEnv, freePort, RunningProcess, startProcess, waitFor } from "./helpers/processes"

jest.setTimeout(15 * 60 * 1000)

const root = path.resolve(__dirname, "../..")
const screenshots = path.join(root, "docs/screenshots")
// A database and port of its own, so this spec runs beside the other browser specs in one `npm test`.
const database = `commerce_bridge_search_e2e_${process.pid}`
const admin = { email: "search-e2e@commerce-bridge.local", password: "search-e2e-password" }
const SYNC_MS = 120_000

async function dropDatabase() {
  const client = new Client({ host: "localhost", user: "postgres", database: "postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists ${database} with (force)`)
  } finally {
    await client.end()
  }
}

/**
 * Opens the admin login once its bundle has loaded. `medusa develop` restarts on any file change in
 * the repository, and a restart while the first bundle loads leaves a blank page: reload until the form shows.
 */
async function openAdminLogin(page: Page, baseUrl: string) {
  const deadline = Date.now() + 2 * ADMIN_COLD_START_MS
  for (;;) {
    try {
      await page.goto(`${baseUrl}/app/login`, { timeout: ADMIN_COLD_START_MS })
      await page.locator('input[name="password"]').waitFor({ timeout: 150_000 })
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
  }
}

/** Presses Tab until the focused element has this accessible label: the control is reached with the keyboard. */
async function tabTo(page: Page, label: string, maxTabs = 200) {
  for (let tabs = 0; tabs < maxTabs; tabs++) {
    await page.keyboard.press("Tab")
    if (await page.evaluate((name) => document.activeElement?.getAttribute("aria-label") === name, label)) return
  }
  throw new Error(`"${label}" never got the focus after ${maxTabs} tabs`)
}

/** The admin API as the logged-in page sees it (session cookie). */
const adminGet = (page: Page, url: string) => page.evaluate(async (path) => (await fetch(path, { credentials: "include" })).json(), url)

/** Settings → Search status shows the demo catalogue's product index; Reindex runs to done; the product page widget reindexes one product. */
describe("admin: search indexes and the product search widget", () => {
  let baseUrl: string
  let dev: RunningProcess | undefined
  let browser: Browser | undefined
  // `medusa develop` restarts on any file change in the repository, and a restart ends the admin
  // session: the screenshots are written only once the dev store has stopped.
  const shots = new Map<string, Buffer>()

  beforeAll(async () => {
    const port = await freePort()
    baseUrl = `http://localhost:${port}`
    await dropDatabase()
    // The built-in PostgreSQL engine, whatever a local .env chose.
    const env = { ...devStoreEnv({ port, database, admin }), SEARCH_PROVIDER: "postgres", MEILISEARCH_HOST: "", OPENSEARCH_NODE: "" }
    dev = startProcess("node", ["scripts/dev.mjs"], { cwd: root, env })
    await waitFor(async () => (await fetch(`${baseUrl}/health`)).ok, { timeoutMs: 5 * 60_000, what: "/health", process: dev })
  })

  afterAll(async () => {
    await browser?.close().catch(() => {})
    await dev?.stop()
    await dropDatabase()
    mkdirSync(screenshots, { recursive: true })
    for (const [name, image] of shots) writeFileSync(path.join(screenshots, name), image)
  })

  it("shows the product index with its counts, reindexes it to done, and reindexes one product from its page", async () => {
    browser = await launchBrowser()
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
    try {
      await followSearch(page)
    } catch (error) {
      // What the page showed when it failed, for the test output.
      const failure = path.join(os.tmpdir(), "search-e2e-failure.png")
      await page.screenshot({ path: failure }).catch(() => {})
      const shown = await page.locator("main").innerText().catch(() => "(no main element)")
      const report = `--- page ${page.url()} (screenshot: ${failure}) ---\n${shown.slice(0, 2000)}\n--- dev store ---\n${dev!.output().slice(-3000)}`
      throw new Error(`${(error as Error).message}\n${report}`)
    }
  })

  async function followSearch(page: Page) {
    await openAdminLogin(page, baseUrl)
    await loginToAdmin(page, baseUrl, admin.email, admin.password)

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
    await tabTo(page, "Reindex product")
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
  }
})
