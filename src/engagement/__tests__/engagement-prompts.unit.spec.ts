import { customerMessagePrompts, KINDS, productPrompts } from "../kinds"
import { customerMessagePrompt, CustomerMessageMaterial } from "../prompts/customer-message"
import type { ProductMaterial, VoiceContext } from "../prompts/shared"

const context: VoiceContext = { storeName: "Nordic Goods", voice: "Warm and plain-spoken; no exclamation marks", tone: "playful", locale: "de-DE" }

const product: ProductMaterial = {
  title: "Alpaca cardigan",
  subtitle: "Hand-knitted",
  description: "",
  type: "Knitwear",
  collection: "Autumn",
  material: "Alpaca wool",
  categories: ["Cardigans", "Women"],
  tags: ["warm"],
  options: [{ title: "Size", values: ["S", "M"] }],
}

describe("engagement prompts", () => {
  it.each(["product_description", "seo", "campaign"] as const)("carries store, voice, tone and locale for %s, and the product's facts", (kind) => {
    const { system, prompt } = productPrompts(kind, context, product, "Mention the Autumn collection")
    expect(system).toContain("Nordic Goods")
    expect(system).toContain("Warm and plain-spoken")
    expect(system).toContain("Tone: playful.")
    expect(system).toContain('"de-DE"')
    expect(prompt.split("\n")).toEqual([
      "Product: Alpaca cardigan",
      "Subtitle: Hand-knitted",
      "Type: Knitwear",
      "Collection: Autumn",
      "Material: Alpaca wool",
      "Categories: Cardigans, Women",
      "Tags: warm",
      "Option Size: S, M",
      "Merchant's instruction: Mention the Autumn collection",
    ])
  })

  it("leaves the voice out when the store has none", () => {
    expect(productPrompts("seo", { ...context, voice: undefined }, product).system).not.toContain("voice")
  })

  it("builds a customer message from first name, order number and items only", () => {
    // Everything a loaded order might hold: only the allowed fields may reach the prompt.
    const order = {
      first_name: "Jane",
      last_name: "Doe",
      email: "jane@example.com",
      phone: "+4915112345678",
      address_1: "Torstraße 1",
      order: { display_id: 1042, email: "jane@example.com", items: [{ title: "Linen shirt", quantity: 2, unit_price: 20 }] },
    } as unknown as CustomerMessageMaterial
    const { system, prompt } = customerMessagePrompts(context, "email", order, "Thank her for the order; ask jane@example.com or +49 151 12345678 for feedback")
    const everything = system + prompt
    for (const secret of ["Doe", "jane@example.com", "+4915112345678", "+49 151 12345678", "Torstraße", "20"]) {
      expect(everything).not.toContain(secret)
    }
    expect(prompt).toContain("Customer first name: Jane")
    expect(prompt).toContain("Order: #1042")
    expect(prompt).toContain("Item: Linen shirt × 2")
    expect(prompt).toContain("j***@e***.com")
  })

  it("writes SMS and email differently and greets without a name when none is known", () => {
    expect(customerMessagePrompts(context, "sms", { first_name: null, order: null }).system).toContain("SMS")
    expect(customerMessagePrompt({ first_name: "  ", order: null })).toBe("Customer first name: (unknown)")
  })

  it("gives every kind a versioned prompt and a schema the model's answer must match", () => {
    for (const definition of Object.values(KINDS)) {
      expect(definition.promptVersion).toMatch(/@\d+$/)
      expect(definition.expectedOutputTokens).toBeLessThan(definition.maxOutputTokens)
    }
    expect(KINDS.seo.schema.safeParse({ seo_title: "Alpaca cardigan", seo_description: "Soft." }).success).toBe(true)
    expect(KINDS.seo.schema.safeParse({ seo_title: "Alpaca cardigan" }).success).toBe(false)
  })
})
