import type { Page } from "playwright-core"
import { startMailgunFixture, type MailgunFixture } from "../__fixtures__/mailgun"
import { ADMIN_COLD_START_MS } from "./helpers/browser"
import { adminGet, tabTo, useDevStore } from "./helpers/dev-store-session"
import { waitFor } from "./helpers/processes"

jest.setTimeout(15 * 60 * 1000)

const STATUS_CHANGE_MS = 60_000
const QUEUE = "notifications"

/**
 * Mailgun switched off and on in Settings → Integrations, with a test message each time (the outbox,
 * then the Mailgun fixture); then a message that dead-letters and is replayed from Settings → Queues.
 */
describe("admin: integrations switch and the dead-letter queue", () => {
  let mailgun: MailgunFixture | undefined
  const env: NodeJS.ProcessEnv = {
    MAILGUN_DOMAIN: "mg.test",
    MAILGUN_FROM: "CommerceBridge <shop@mg.test>",
    MAILGUN_REGION: "us",
    MAILGUN_WEBHOOK_SIGNING_KEY: "",
    // Two quick attempts, so a failing message dead-letters within a second.
    COMMERCE_BRIDGE_NOTIFICATION_ATTEMPTS: "2",
    COMMERCE_BRIDGE_NOTIFICATION_BACKOFF_MS: "200",
    // The in-process queue: no other process on the shared Redis takes this store's jobs.
    REDIS_URL: "",
    COMMERCE_BRIDGE_QUEUE_REDIS_URL: "",
  }
  // Registered before the dev store's own beforeAll, which reads `env` when it starts the store.
  beforeAll(async () => {
    mailgun = await startMailgunFixture()
    Object.assign(env, { MAILGUN_API_KEY: mailgun.apiKey, MAILGUN_BASE_URL: mailgun.url })
  })
  const store = useDevStore("integrations", env)
  afterAll(() => mailgun?.close())

  const received = (to: string) => mailgun!.messages.filter((message) => message.to.includes(to))

  it("switches Mailgun off and on, and a test message goes to the outbox, then to Mailgun", () =>
    store.inAdmin(async (page) => {
      const { baseUrl } = store
      await page.goto(`${baseUrl}/app/settings/integrations`)
      const row = page.getByTestId("integration-mailgun")
      await row.waitFor({ timeout: ADMIN_COLD_START_MS })
      const toggle = row.getByRole("switch", { name: "Enable Mailgun" })

      // Configured from the environment: on, and healthy once checked against the fixture.
      expect(await toggle.getAttribute("aria-checked")).toBe("true")
      await row.getByText("On", { exact: true }).waitFor()
      await row.getByRole("button", { name: "Check now" }).click()
      await row.getByText("Healthy", { exact: true }).waitFor({ timeout: 30_000 })
      await page.getByText("Mailgun is healthy").first().waitFor({ timeout: 30_000 })

      // Off: the status says so, and a test message lands in the outbox.
      await toggle.click()
      await row.getByText("Disabled", { exact: true }).waitFor({ timeout: 30_000 })
      await row.getByText("Off", { exact: true }).waitFor()
      expect(await toggle.getAttribute("aria-checked")).toBe("false")
      await page.getByText("Mailgun disabled").first().waitFor({ timeout: 30_000 })
      const off = await sendTestMessage(page, "switched.off@example.com")
      await page.getByText("Mailgun is switched off, so it will land in the outbox.").waitFor({ timeout: 30_000 })
      await expectDeliveryStatus(page, off, "Outboxed", /switched off in the Integrations page/)
      expect(received("switched.off@example.com")).toHaveLength(0)

      // On again: healthy, and a test message goes out through the fixture.
      await page.goto(`${baseUrl}/app/settings/integrations`)
      await row.waitFor({ timeout: 120_000 })
      await row.getByText("Disabled", { exact: true }).waitFor({ timeout: 30_000 })
      await toggle.click()
      await row.getByText("On", { exact: true }).waitFor({ timeout: 30_000 })
      expect(await toggle.getAttribute("aria-checked")).toBe("true")
      await page.getByText("Mailgun enabled").first().waitFor({ timeout: 30_000 })
      await row.getByRole("button", { name: "Check now" }).click()
      await row.getByText("Healthy", { exact: true }).waitFor({ timeout: 30_000 })
      await expect(row.getByText("Disabled", { exact: true }).count()).resolves.toBe(0)

      const on = await sendTestMessage(page, "switched.on@example.com")
      await page.getByText("It goes out through Mailgun.").waitFor({ timeout: 30_000 })
      await waitFor(async () => received("switched.on@example.com").length > 0, { timeoutMs: STATUS_CHANGE_MS, what: "the Mailgun fixture to receive the message" })
      expect(received("switched.on@example.com")).toHaveLength(1)
      expect(received("switched.on@example.com")[0]).toMatchObject({ domain: "mg.test", subject: expect.any(String) })
      await expectDeliveryStatus(page, on, "Sent")
    }))

  it("dead-letters a message Mailgun keeps refusing, shows it in Queues and replays it with the keyboard", () =>
    store.inAdmin(async (page) => {
      const { baseUrl } = store
      const to = "dead.letter@example.com"
      // Both attempts get a 500 whose message names the recipient: the admin must show it masked.
      mailgun!.failNext(2, { status: 500, body: { message: `Internal error while sending to ${to}` } })
      const attemptsBefore = mailgun!.sendAttempts

      await page.goto(`${baseUrl}/app/settings/integrations`)
      await page.getByTestId("integration-mailgun").waitFor({ timeout: ADMIN_COLD_START_MS })
      const id = await sendTestMessage(page, to)
      const dead = await waitFor(
        async () => {
          const { delivery } = await adminGet(page, `/admin/commerce-bridge/deliveries/${id}`)
          return delivery?.status === "dead" && delivery
        },
        { timeoutMs: STATUS_CHANGE_MS, what: `delivery ${id} to be dead-lettered` }
      )
      expect(dead.attempts).toBe(2)
      expect(mailgun!.sendAttempts - attemptsBefore).toBe(2)
      expect(received(to)).toHaveLength(0)

      // Settings → Queues: the notifications queue counts one dead letter.
      await page.getByRole("link", { name: "Queues", exact: true }).first().click()
      await page.getByRole("heading", { name: "Queues", level: 1 }).waitFor({ timeout: 120_000 })
      const queueRow = page.getByTestId(`queue-${QUEUE}`)
      await queueRow.locator(".text-ui-fg-error", { hasText: /^1$/ }).waitFor({ timeout: STATUS_CHANGE_MS })

      // The queue's page: the dead letter with its masked error.
      await queueRow.getByRole("link", { name: QUEUE, exact: true }).click()
      await page.getByRole("heading", { name: QUEUE, level: 1 }).waitFor({ timeout: 30_000 })
      await page.getByTestId("count-dead").getByText("1", { exact: true }).waitFor({ timeout: STATUS_CHANGE_MS })
      const letter = page.locator('[data-testid^="dead-letter-"]')
      await letter.waitFor({ timeout: 30_000 })
      expect(await letter.count()).toBe(1)
      const letterId = (await letter.getAttribute("data-testid"))!.slice("dead-letter-".length)
      await letter.getByText(/HTTP 500/).waitFor({ timeout: 10_000 })
      // The address in Mailgun's error never shows: masked or redacted.
      await letter.getByText(/Internal error while sending to (\[redacted\]|d\*\*\*@e\*\*\*\.com)/).first().waitFor({ timeout: 10_000 })
      const shown = await letter.innerText()
      expect(shown).not.toContain("dead.letter")
      store.shots.set("queues-dead-letters.png", await page.screenshot())

      // Mailgun is healthy again. Keyboard only: Tab to the job's checkbox, Space selects it,
      // Shift+Tab back to "Replay selected", Enter replays it.
      mailgun!.reset()
      await tabTo(page, "aria-label", `Select job ${letterId}`)
      await page.keyboard.press("Space")
      await page.getByRole("checkbox", { name: `Select job ${letterId}` }).and(page.locator('[data-state="checked"]')).waitFor({ timeout: 10_000 })
      await shiftTabToText(page, "Replay selected")
      await page.keyboard.press("Enter")
      await page.getByText("Replayed 1").first().waitFor({ timeout: 30_000 })
      await page.getByText("Nothing is dead-lettered.").waitFor({ timeout: STATUS_CHANGE_MS })
      await page.getByTestId("count-dead").getByText("0", { exact: true }).waitFor({ timeout: STATUS_CHANGE_MS })

      await waitFor(async () => received(to).length > 0, { timeoutMs: STATUS_CHANGE_MS, what: "the Mailgun fixture to receive the replayed message" })
      expect(received(to)).toHaveLength(1)
      await page.goto(`${baseUrl}/app/settings/deliveries`)
      await page.getByRole("heading", { name: "Deliveries", level: 1 }).waitFor({ timeout: 120_000 })
      const row = page.getByTestId(`delivery-${id}`)
      await row.getByText("Sent", { exact: true }).waitFor({ timeout: STATUS_CHANGE_MS })
    }))
})

/** Sends a test email from Mailgun's row on the Integrations page; the new delivery's id. */
async function sendTestMessage(page: Page, to: string): Promise<string> {
  await page.getByTestId("integration-mailgun").getByRole("button", { name: "Send test message" }).click()
  const input = page.getByLabel("Email address")
  await input.fill(to)
  const sent = page.waitForResponse((response) => response.url().includes("/integrations/mailgun/test-message") && response.status() === 202)
  await page.getByRole("button", { name: "Send", exact: true }).click()
  const { delivery } = await (await sent).json()
  expect(delivery).toMatchObject({ channel: "email", template: "test-message", status: "queued" })
  await input.waitFor({ state: "detached", timeout: 30_000 })
  return delivery.id
}

/** Settings → Deliveries shows the message with `status` (and `reason`, when given). */
async function expectDeliveryStatus(page: Page, id: string, status: string, reason?: RegExp) {
  await page.getByRole("link", { name: "Deliveries", exact: true }).first().click()
  await page.getByRole("heading", { name: "Deliveries", level: 1 }).waitFor({ timeout: 120_000 })
  const row = page.getByTestId(`delivery-${id}`)
  await row.getByText(status, { exact: true }).waitFor({ timeout: STATUS_CHANGE_MS })
  if (reason) await row.getByText(reason).waitFor()
}

/** Presses Shift+Tab until the focused element's text is `text`. */
async function shiftTabToText(page: Page, text: string, maxTabs = 20) {
  for (let tabs = 0; tabs < maxTabs; tabs++) {
    await page.keyboard.press("Shift+Tab")
    if (await page.evaluate((wanted) => document.activeElement?.textContent?.trim() === wanted, text)) return
  }
  throw new Error(`"${text}" never got the focus after ${maxTabs} Shift+Tabs`)
}
