import { existsSync } from "fs"
import { Browser, chromium, Page } from "playwright-core"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package or set CHROMIUM_PATH`)
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
}

/** `medusa develop` bundles the admin on its first request: a cold start takes minutes on this machine. */
export const ADMIN_COLD_START_MS = 5 * 60_000

/** Logs in to the Medusa admin and waits for the dashboard. */
export async function loginToAdmin(page: Page, baseUrl: string, email: string, password: string) {
  page.setDefaultNavigationTimeout(ADMIN_COLD_START_MS)
  page.setDefaultTimeout(ADMIN_COLD_START_MS)
  await page.goto(`${baseUrl}/app/login`)
  await page.getByLabel(/email/i).or(page.locator('input[name="email"]')).first().fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 120_000 })
}
