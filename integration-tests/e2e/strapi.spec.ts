import os from "os"
import path from "path"
import type { Page } from "playwright-core"
import { launchBrowser } from "./helpers/browser"
import { adminGet, tabTo, useDevStore } from "./helpers/dev-store-session"
import { waitFor } from "./helpers/processes"
import { fixedPort } from "../helpers/local-server"

jest.setTimeout(20 * 60 * 1000)

const SYNC_MS = 120_000
const STRAPI_PORT = fixedPort(11000)
const STRAPI_URL = `http://localhost:${STRAPI_PORT}`
// The dev users `npm run dev` creates in Strapi (see scripts/dev.mjs).
const EDITOR = { email: "editor@commerce-bridge.local", password: "CommerceBridge1" }
const ADMIN = { email: "admin@commerce-bridge.local", password: "CommerceBridge1" }
const PRODUCT_UID = "plugin::commerce-bridge.product"

async function strapiLogin(user: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${STRAPI_URL}/admin/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(user) })
  return (await response.json()).data.token
}

async function strapiGet(token: string, route: string) {
  return (await fetch(`${STRAPI_URL}${route}`, { headers: { authorization: `Bearer ${token}` } })).json()
}

async function inStrapiAdmin(user: { email: string; password: string }, steps: (page: Page) => Promise<void>) {
  const browser = await launchBrowser()
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
  try {
    await page.goto(`${STRAPI_URL}/admin/auth/login`)
    await page.locator('input[name="email"]').fill(user.email)
    await page.locator('input[name="password"]').fill(user.password)
    await page.getByRole("button", { name: "Login" }).click()
    await page.waitForURL((url) => !url.pathname.includes("/auth/"), { timeout: 60_000 })
    await steps(page)
  } catch (error) {
    const failure = path.join(os.tmpdir(), "strapi-e2e-failure.png")
    await page.screenshot({ path: failure }).catch(() => {})
    const shown = await page.locator("main").innerText().catch(() => "(no main element)")
    throw new Error(`${(error as Error).message}\n--- Strapi page ${page.url()} (screenshot: ${failure}) ---\n${shown.slice(0, 2000)}`)
  } finally {
    await browser.close()
  }
}

/**
 * `npm run dev` with the dev Strapi beside the store: the demo catalogue reaches Strapi by itself; an
 * editor writes SEO text, presses "Sync to Medusa" and the store API serves it; the Commerce Bridge
 * page pulls the catalogue; the product page in the Medusa admin links to the Strapi entry.
 */
describe("Strapi: the dev Strapi beside the store, driven as an editor", () => {
  const store = useDevStore("strapi", {
    DEV_STRAPI: "true",
    STRAPI_PORT: String(STRAPI_PORT),
    STRAPI_URL,
    STRAPI_DATABASE_FILENAME: path.join(os.tmpdir(), `commerce-bridge-strapi-e2e-${process.pid}.db`),
  })
  let editorToken: string
  let entry: { documentId: string; medusa_id: string; title: string }

  beforeAll(async () => {
    editorToken = await strapiLogin(EDITOR)
    // The demo catalogue arrives through the catalogue sync `npm run dev` starts once the store is up.
    entry = await waitFor(
      async () => {
        const list = await strapiGet(editorToken, `/content-manager/collection-types/${PRODUCT_UID}?pageSize=100&sort=title:ASC`)
        return list.pagination?.total >= 50 ? list.results.find((row: any) => row.title) : undefined
      },
      { timeoutMs: SYNC_MS, what: "the demo catalogue in Strapi" }
    )
  })

  it("an editor writes SEO text, presses Sync to Medusa, and the store API serves it", async () => {
    const seoTitle = `${entry.title}, hand-finished (${Date.now()})`
    await inStrapiAdmin(EDITOR, async (page) => {
      await page.goto(`${STRAPI_URL}/admin/content-manager/collection-types/${PRODUCT_UID}/${entry.documentId}`)
      const seo = page.locator('input[name="seo_title"]')
      await seo.waitFor({ timeout: 60_000 })
      // Medusa owns the title: the editor's change to SEO text is what travels.
      await seo.fill(seoTitle)
      const published = page.waitForResponse((response) => response.url().includes("/actions/publish"))
      await page.getByRole("button", { name: "Publish" }).click()
      expect((await published).status()).toBe(200)

      await page.getByRole("button", { name: "More document actions" }).first().click()
      await page.getByRole("menuitem", { name: "Sync to Medusa" }).click()
      await page.getByText("The published content was sent to Medusa.").waitFor({ timeout: 30_000 })
      await page.getByTestId("commerce-bridge-entry-panel").waitFor()
      store.shots.set("strapi-edit-view.png", await page.screenshot())
    })

    await store.inAdmin(async (page) => {
      const { api_keys } = await adminGet(page, "/admin/api-keys?type=publishable&limit=1")
      const { product } = await (
        await fetch(`${store.baseUrl}/store/products/${entry.medusa_id}?fields=id,*cms_content`, { headers: { "x-publishable-api-key": api_keys[0].token } })
      ).json()
      expect(product.cms_content).toMatchObject({ seo_title: seoTitle, strapi_document_id: entry.documentId })

      // The product page in the Medusa admin shows the linked entry and opens it in Strapi.
      await page.goto(`${store.baseUrl}/app/products/${entry.medusa_id}`)
      const widget = page.getByTestId("product-cms-content")
      await widget.waitFor({ timeout: 120_000 })
      await widget.getByText(seoTitle).waitFor({ timeout: 30_000 })
      const link = widget.getByRole("link", { name: "Open in Strapi" })
      expect(await link.getAttribute("href")).toBe(`${STRAPI_URL}/admin/content-manager/collection-types/${PRODUCT_UID}/${entry.documentId}`)
      store.shots.set("product-cms-content.png", await widget.screenshot())
    })
  })

  it("the Commerce Bridge page shows the connection, pulls the catalogue with progress and lists the sync log", async () => {
    await inStrapiAdmin(EDITOR, async (page) => {
      await page.goto(`${STRAPI_URL}/admin/plugins/commerce-bridge`)
      const status = page.getByTestId("commerce-bridge-status")
      await status.getByTestId("commerce-bridge-status-reachable").getByText("Yes").waitFor({ timeout: 60_000 })
      await status.getByTestId("commerce-bridge-status-secret").getByText("Valid").waitFor()

      await page.getByTestId("commerce-bridge-pull").click()
      const progress = page.getByTestId("commerce-bridge-pull-progress")
      await progress.and(page.locator('[data-status="completed"]')).waitFor({ timeout: SYNC_MS })
      await progress.locator('[role="progressbar"][aria-valuenow="100"]').waitFor()
      await page.waitForTimeout(400) // the bar's fill animates to 100 %
      const log = page.getByTestId("commerce-bridge-log")
      await log.locator('[data-testid^="commerce-bridge-log-row-"]').first().waitFor({ timeout: 30_000 })
      store.shots.set("strapi-commerce-bridge.png", await page.screenshot({ fullPage: true }))

      // With the keyboard only: Push all content sends every published entry to Medusa.
      await tabTo(page, "data-testid", "commerce-bridge-push")
      await page.keyboard.press("Enter")
      await page.getByTestId("commerce-bridge-push-progress").and(page.locator('[data-status="completed"]')).waitFor({ timeout: SYNC_MS })

      // Editors sync; connection settings stay with administrators.
      await page.goto(`${STRAPI_URL}/admin/settings/commerce-bridge`)
      await page.getByText(/permission/i).first().waitFor({ timeout: 30_000 })
    })

    await inStrapiAdmin(ADMIN, async (page) => {
      await page.goto(`${STRAPI_URL}/admin/settings/commerce-bridge`)
      const secret = page.getByTestId("commerce-bridge-settings-secret-status")
      await secret.waitFor({ timeout: 60_000 })
      expect(await secret.getAttribute("data-set")).toBe("true")
      // From the plugin config `npm run dev` wrote; a URL saved here would override it.
      await page.getByText(`In use: ${store.baseUrl}`, { exact: false }).waitFor()
      store.shots.set("strapi-settings.png", await page.screenshot())
      // A bad URL gets a readable error next to the field, and nothing is saved.
      await page.getByTestId("commerce-bridge-settings-medusa-url").fill("ftp://medusa.example.com")
      await page.getByTestId("commerce-bridge-settings-save").click()
      await page.getByText("medusa_url must be an http(s) URL", { exact: false }).waitFor({ timeout: 30_000 })
      await page.getByTestId("commerce-bridge-settings-medusa-url").fill("")
    })
  })
})
