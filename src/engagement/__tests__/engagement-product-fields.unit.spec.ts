import { productChangeFor, restoringUpdate } from "../product-fields"

const seo = { id: "eng_1", kind: "seo" as const, content: { seo_title: "Alpaca cardigan | Nordic", seo_description: "Soft and warm." } }

describe("engagement product fields", () => {
  it("writes a description and remembers the one it replaces", () => {
    const change = productChangeFor({ id: "eng_2", kind: "product_description", content: { description: " New text " } }, { description: "Old", metadata: null })
    expect(change).toEqual({ update: { description: "New text" }, previous: { description: "Old" } })
    expect(restoringUpdate(change!.previous, { description: "New text", metadata: null })).toEqual({ description: "Old" })
  })

  it("merges SEO text into the metadata and restores only those keys", () => {
    const change = productChangeFor(seo, { description: null, metadata: { color: "red", seo_title: "Old title" } })
    expect(change!.update.metadata).toEqual({ color: "red", seo_title: "Alpaca cardigan | Nordic", seo_description: "Soft and warm." })
    expect(change!.previous).toEqual({ seo_title: "Old title", seo_description: null })
    // Someone added a key meanwhile: it stays.
    const now = { ...change!.update.metadata, badge: "new" }
    expect(restoringUpdate(change!.previous, { description: null, metadata: now })).toEqual({ metadata: { color: "red", seo_title: "Old title", badge: "new" } })
  })

  it("changes no product for a campaign and refuses empty content", () => {
    expect(productChangeFor({ id: "eng_3", kind: "campaign", content: { headline: "Hi" } }, { description: null, metadata: null })).toBeNull()
    expect(() => productChangeFor({ id: "eng_4", kind: "seo", content: { seo_title: "" } }, { description: null, metadata: null })).toThrow(
      "Engagement eng_4 has no seo_title to apply"
    )
  })
})
