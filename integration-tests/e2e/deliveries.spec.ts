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
// A database and port of its own, so this spec and quick-start.spec.ts can run in one `npm test`.
const database = `commerce_bridge_deliveries_e2e_${process.pid}`
const admin = { email: "deliveries-e2e@commerce-bridge.local", password: "deliveries-e2e-password" }
const STATUS_CHANGE_MS = 60_000

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

/** Presses Tab until `testId` has the focus: the row is reached with the keyboard, not a click. */
async function tabTo(page: Page, testId: string, maxTabs = 150) {
  for (let tabs = 0; tabs < maxTabs; tabs++) {
    await page.keyboard.press("Tab")
    if (await page.evaluate((id) => document.activeElement?.getAttribute("data-testid") === id, testId)) return
  }
  throw new Error(`${testId} never got the focus after ${maxTabs} tabs`)
}

/** A test message through unconfigured Mailgun lands in the outbox and shows up in Settings → Deliveries. */
describe("admin: deliveries and test messages", () => {
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
    const env = {
      ...devStoreEnv({ port, database, admin }),
      // Keep Mailgun unconfigured whatever a local .env says: the message must go to the outbox.
      MAILGUN_API_KEY: "",
    }
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

  it("sends a test message from Integrations and shows it, outboxed, in Deliveries", async () => {
    browser = await launchBrowser()
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
    try {
      await sendAndFollowTestMessage(page)
    } catch (error) {
      // What the page showed when it failed, for the test output.
      const failure = path.join(os.tmpdir(), "deliveries-e2e-failure.png")
      await page.screenshot({ path: failure }).catch(() => {})
      const shown = await page.locator("main").innerText().catch(() => "(no main element)")
      const report = `--- page ${page.url()} (screenshot: ${failure}) ---\n${shown.slice(0, 2000)}\n--- dev store ---\n${dev!.output().slice(-3000)}`
      throw new Error(`${(error as Error).message}\n${report}`)
    }
  })

  async function sendAndFollowTestMessage(page: Page) {
    await openAdminLogin(page, baseUrl)
    await loginToAdmin(page, baseUrl, admin.email, admin.password)

    // A fresh store has no messages yet: the empty state points to Integrations.
    await page.goto(`${baseUrl}/app/settings/deliveries`)
    const empty = page.getByRole("status").filter({ hasText: "No messages yet" })
    await empty.waitFor({ timeout: ADMIN_COLD_START_MS })
    await empty.getByRole("link", { name: "Integrations" }).click()
    const mailgun = page.getByTestId("integration-mailgun")
    await mailgun.waitFor({ timeout: ADMIN_COLD_START_MS })
    await mailgun.getByRole("button", { name: "Send test message" }).click()

    // A bad address: the API's message shows inline, next to the field.
    const to = page.getByLabel("Email address")
    await to.fill("not-an-email")
    await to.press("Enter")
    await page.getByRole("alert").filter({ hasText: /invalid to/i }).waitFor({ timeout: 30_000 })

    await to.fill("jane.doe@example.com")
    const sent = page.waitForResponse((response) => response.url().includes("/integrations/mailgun/test-message") && response.status() === 202)
    await page.getByRole("button", { name: "Send", exact: true }).click()
    const { delivery } = await (await sent).json()
    expect(delivery).toMatchObject({ channel: "email", template: "test-message", status: "queued" })
    await page.getByText(/Test email queued for j\*+@/).waitFor({ timeout: 30_000 })

    // The toast links to the message.
    await page.getByRole("button", { name: "View delivery" }).click()
    await page.waitForURL(`**/settings/deliveries/${delivery.id}`, { timeout: 30_000 })

    // Settings → Deliveries, from the settings menu.
    await page.getByRole("link", { name: "Deliveries", exact: true }).click()
    await page.getByRole("heading", { name: "Deliveries", level: 1 }).waitFor({ timeout: 120_000 })
    const row = page.getByTestId(`delivery-${delivery.id}`)
    await row.getByText("Outboxed", { exact: true }).waitFor({ timeout: STATUS_CHANGE_MS })
    await row.getByText(/Mailgun is not configured/).waitFor()
    expect(await row.textContent()).toContain(delivery.recipient)
    shots.set("deliveries-list.png", await page.screenshot())

    // Keyboard only: Tab to the row, Enter opens it.
    await tabTo(page, `delivery-${delivery.id}`)
    await page.keyboard.press("Enter")
    await page.waitForURL(`**/settings/deliveries/${delivery.id}`, { timeout: 30_000 })

    const preview = page.locator('iframe[title="Email preview"]')
    await preview.waitFor({ timeout: 30_000 })
    expect(await preview.getAttribute("sandbox")).toBe("")
    await page.frameLocator('iframe[title="Email preview"]').getByText("This is a test message from CommerceBridge").first().waitFor()
    expect(await page.locator("pre").textContent()).toContain("test message from CommerceBridge")
    await page.getByTestId("delivery-status").getByText(/Mailgun is not configured/).waitFor()
    // The admin scrolls inside its layout, so a tall viewport shows the whole message.
    await page.setViewportSize({ width: 1440, height: 1800 })
    shots.set("deliveries-detail.png", await page.screenshot())
    await page.setViewportSize({ width: 1440, height: 960 })

    // Resend after confirming: the copy opens and points back at the original.
    await page.getByRole("button", { name: "Resend", exact: true }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Resend", exact: true }).click()
    await page.waitForURL((url) => /\/settings\/deliveries\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(delivery.id), {
      timeout: 30_000,
    })
    await page.getByRole("link", { name: delivery.id }).waitFor({ timeout: 30_000 })
  }
})
