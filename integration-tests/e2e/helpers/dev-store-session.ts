import { mkdirSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import type { Browser, Page } from "playwright-core"
import { ADMIN_COLD_START_MS, launchBrowser, loginToAdmin } from "./browser"
import { devStoreEnv, freePort, RunningProcess, startProcess, waitFor } from "./processes"

const root = path.resolve(__dirname, "../../..")
const screenshots = path.join(root, "docs/screenshots")

export interface DevStoreSession {
  readonly baseUrl: string
  readonly admin: { email: string; password: string }
  /** Screenshots to write to docs/screenshots once the dev store has stopped, by file name. */
  readonly shots: Map<string, Buffer>
  /**
   * Opens a logged-in admin page and runs `steps` in it; a failure reports what the page showed and
   * the dev store's last output.
   */
  inAdmin(steps: (page: Page) => Promise<void>): Promise<void>
}

/**
 * `npm run dev` on a database and port of its own (so browser specs run beside each other in one
 * `npm test`), for one spec: started before its tests, stopped after them. `medusa develop` restarts
 * on any file change in the repository, and a restart ends the admin session, so screenshots are
 * written only once the dev store has stopped.
 */
export function useDevStore(name: string, env: NodeJS.ProcessEnv = {}): DevStoreSession {
  const database = `commerce_bridge_${name}_e2e_${process.pid}`
  const session = {
    baseUrl: "",
    admin: { email: `${name}-e2e@commerce-bridge.local`, password: `${name}-e2e-password` },
    shots: new Map<string, Buffer>(),
    inAdmin,
  }
  let dev: RunningProcess | undefined
  let browser: Browser | undefined

  beforeAll(async () => {
    const port = await freePort()
    session.baseUrl = `http://localhost:${port}`
    await dropDatabase(database)
    dev = startProcess("node", ["scripts/dev.mjs"], { cwd: root, env: { ...devStoreEnv({ port, database, admin: session.admin }), ...env } })
    await waitFor(async () => (await fetch(`${session.baseUrl}/health`)).ok, { timeoutMs: 5 * 60_000, what: "/health", process: dev })
  })

  afterAll(async () => {
    await browser?.close().catch(() => {})
    await dev?.stop()
    await dropDatabase(database)
    mkdirSync(screenshots, { recursive: true })
    for (const [file, image] of session.shots) writeFileSync(path.join(screenshots, file), image)
  })

  async function inAdmin(steps: (page: Page) => Promise<void>) {
    browser ??= await launchBrowser()
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } })
    try {
      await openAdminLogin(page, session.baseUrl)
      await loginToAdmin(page, session.baseUrl, session.admin.email, session.admin.password)
      await steps(page)
    } catch (error) {
      const failure = path.join(os.tmpdir(), `${name}-e2e-failure.png`)
      await page.screenshot({ path: failure }).catch(() => {})
      const shown = await page.locator("main").innerText().catch(() => "(no main element)")
      const report = `--- page ${page.url()} (screenshot: ${failure}) ---\n${shown.slice(0, 2000)}\n--- dev store ---\n${dev!.output().slice(-3000)}`
      throw new Error(`${(error as Error).message}\n${report}`)
    }
  }

  return session
}

async function dropDatabase(database: string) {
  const client = new Client({ host: "localhost", user: "postgres", database: "postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists ${database} with (force)`)
  } finally {
    await client.end()
  }
}

/**
 * Opens the admin login once its bundle has loaded. A restart of `medusa develop` while the first
 * bundle loads leaves a blank page: reload until the form shows.
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

/** Presses Tab until the focused element's `attribute` is `value`: the control is reached with the keyboard, not a click. */
export async function tabTo(page: Page, attribute: "aria-label" | "data-testid", value: string, maxTabs = 200) {
  for (let tabs = 0; tabs < maxTabs; tabs++) {
    await page.keyboard.press("Tab")
    if (await page.evaluate(([name, wanted]) => document.activeElement?.getAttribute(name) === wanted, [attribute, value])) return
  }
  throw new Error(`${attribute}="${value}" never got the focus after ${maxTabs} tabs`)
}

/** The admin API as the logged-in page sees it (session cookie). */
export const adminGet = (page: Page, url: string) =>
  page.evaluate(async (path) => (await fetch(path, { credentials: "include" })).json(), url)

/** A POST to the admin API as the logged-in page makes it (session cookie): the status and the parsed body. */
export const adminPost = (page: Page, url: string, body: unknown): Promise<{ status: number; body: any }> =>
  page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: await response.json().catch(() => null) }
    },
    { url, body }
  )
