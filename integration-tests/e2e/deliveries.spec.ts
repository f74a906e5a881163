import { ADMIN_COLD_START_MS } from "./helpers/browser"
import { tabTo, useDevStore } from "./helpers/dev-store-session"

jest.setTimeout(15 * 60 * 1000)

const STATUS_CHANGE_MS = 60_000

/** A test message through unconfigured Mailgun lands in the outbox and shows up in Settings → Deliveries. */
describe("admin: deliveries and test messages", () => {
  // Keep Mailgun unconfigured whatever a local .env says: the message must go to the outbox.
  const store = useDevStore("deliveries", { MAILGUN_API_KEY: "" })

  it("sends a test message from Integrations and shows it, outboxed, in Deliveries", () => store.inAdmin(async (page) => {
    const { baseUrl, shots } = store
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
    await tabTo(page, "data-testid", `delivery-${delivery.id}`)
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
  }))
})
