import { mkdtempSync, mkdirSync, writeFileSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { TemplateRenderer } from "../renderer"
import { TEMPLATE_NAMES } from "../templates/catalogue"
import { sampleOrderData } from "./sample-data"

const data = {
  ...sampleOrderData,
  shipment: { tracking: [{ number: "TRK123", url: "https://track.example.com/TRK123" }] },
  refund: { amount: 10, note: "Damaged item" },
  reset: { url: "https://shop.example.com/reset?token=abc&email=jane%40example.com" },
}

/** A string key the renderer found no text for is printed as the key itself. */
const UNTRANSLATED = /\b(common|order_placed|order_shipped|order_canceled|customer_welcome|password_reset|admin_password_reset|refund_issued|test_message)\.[a-z_]+/

describe("TemplateRenderer", () => {
  const renderer = new TemplateRenderer()

  it("renders every built-in template in every built-in locale, on email and SMS", async () => {
    for (const template of TEMPLATE_NAMES) {
      for (const locale of ["en", "de"]) {
        const email = await renderer.render(template, "email", locale, data)
        expect(email.subject).toBeTruthy()
        expect(email.html).toContain("<!doctype html>")
        expect(email.html).not.toMatch(/\{\{|\{%/)
        expect(`${email.subject} ${email.html} ${email.text}`).not.toMatch(UNTRANSLATED)
        expect(email.text.length).toBeGreaterThan(20)
        const sms = await renderer.render(template, "sms", locale, data)
        expect(sms.subject).toBeNull()
        expect(sms.text.length).toBeLessThanOrEqual(320)
        expect(sms.text).not.toMatch(UNTRANSLATED)
      }
    }
  })

  it("fills the order confirmation with items, money in the locale's format, and escapes HTML", async () => {
    const en = await renderer.render("order-placed", "email", "en", data)
    expect(en.subject).toBe("Order #1042 confirmed")
    expect(en.html).toContain("Linen shirt")
    expect(en.html).toContain("€83.90")
    expect(en.html).toContain("Nordic &lt;Goods&gt;")
    expect(en.text).toContain("- Linen shirt (M / Blue) × 2: €79.00")
    const de = await renderer.render("order-placed", "email", "de", data)
    expect(de.subject).toBe("Bestellung #1042 bestätigt")
    expect(de.html).toContain("83,90\u00a0€")
    expect(de.text).toContain("Hallo Jane,")
  })

  it("formats amounts inside sentences in the message's locale", async () => {
    // A plain space, not Intl's no-break space, which would push the SMS out of the GSM-7 alphabet.
    expect((await renderer.render("order-placed", "sms", "de", data)).text).toBe("Nordic <Goods>: Danke! Bestellung #1042 (83,90 €) ist bestätigt.")
    expect((await renderer.render("refund-issued", "email", "en", data)).text).toContain("We have refunded €10.00 for your order #1042.")
  })

  it("keeps links intact in text and SMS", async () => {
    const sms = await renderer.render("password-reset", "sms", "en", data)
    expect(sms.text).toBe("Nordic <Goods>: reset your password here: https://shop.example.com/reset?token=abc&email=jane%40example.com")
  })

  it("picks the first supported locale, by language when the region is unknown", () => {
    expect(renderer.resolveLocale([null, "de-AT", "en"])).toBe("de")
    expect(renderer.resolveLocale(["fr-FR", undefined])).toBe("en")
    expect(renderer.resolveLocale(["de_DE"])).toBe("de")
  })

  it("takes a store's overrides, strings and new locales from its folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cb-templates-"))
    mkdirSync(path.join(dir, "order-placed"))
    writeFileSync(path.join(dir, "order-placed", "subject.liquid"), "Yay, order {{ order.display_id }}!")
    mkdirSync(path.join(dir, "locales"))
    writeFileSync(path.join(dir, "locales", "fr.json"), JSON.stringify({ order_placed: { sms: "{store} : commande n° {number} confirmée" } }))
    writeFileSync(path.join(dir, "locales", "en.json"), JSON.stringify({ common: { greeting: "Hello there {name}!" } }))
    mkdirSync(path.join(dir, "back-in-stock"))
    writeFileSync(path.join(dir, "back-in-stock", "text.liquid"), "{{ product.title }} is back")
    const custom = new TemplateRenderer({ templatesDir: dir })

    expect((await custom.render("order-placed", "email", "en", data)).subject).toBe("Yay, order 1042!")
    expect((await custom.render("order-placed", "email", "en", data)).text).toContain("Hello there Jane!")
    expect(custom.resolveLocale(["fr-CA"])).toBe("fr")
    expect((await custom.render("order-placed", "sms", "fr", data)).text).toBe("Nordic <Goods> : commande n° 1042 confirmée")
    expect((await custom.render("order-placed", "email", "fr", data)).subject).toBe("Yay, order 1042!")
    expect(custom.templateNames()).toContain("back-in-stock")
  })

  it("names an unknown template", async () => {
    await expect(renderer.render("nope", "email", "en", data)).rejects.toThrow('Unknown notification template "nope"')
  })
})
