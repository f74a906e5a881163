import { FeatureFlag, search } from "@medusajs/framework/utils"
import { productSearchIndex, productSearchIndexes } from "../product"
import { toProductDocument } from "../product/documents"
import type { ProductRow } from "../product/graph"
import { resolveProductIndexOptions } from "../product/options"
import { PRODUCT_SYNC_EVENT } from "../sync-event"

const product: ProductRow = {
  id: "prod_1",
  title: "Alpaca cardigan",
  subtitle: "Grey",
  handle: "alpaca-cardigan",
  description: "Soft",
  status: "published",
  created_at: "2026-11-01T10:00:00.000Z",
  updated_at: "2026-11-02T10:00:00.000Z",
}

describe("productSearchIndex", () => {
  it("keeps its definition: the product entity, CommerceBridge's sync event, the product fields", () => {
    const definition = productSearchIndex()
    expect(definition).toMatchObject({ name: "product", entity: "product", events: [PRODUCT_SYNC_EVENT], commerce_bridge: { entity: "product" } })
    expect(Object.keys(definition.fields.toFields())).toEqual(expect.arrayContaining(["title", "prices", "in_stock", "sales_channel_ids", "status"]))
  })

  it("adds a store's fields to the product fields, and refuses one that is already there", () => {
    const definition = productSearchIndex({ fields: { add: { definitions: { material: search.keyword().filterable().facetable() }, document: () => ({ material: "wool" }) } } })
    expect(definition.fields.toFields()).toMatchObject({ material: { type: "keyword", filterable: true }, title: { type: "text" }, prices: { type: "object" } })
    expect(() => productSearchIndex({ fields: { add: { definitions: { title: search.text() }, document: () => ({}) } } })).toThrow(
      "CommerceBridge product search index: fields.add.definitions.title is already a field of the product index"
    )
  })

  it("replaces the field set with the store's own", () => {
    const definition = productSearchIndex({
      fields: { replace: { definitions: { id: search.keyword(), title: search.text().searchable() }, document: (row) => ({ id: row.id, title: row.title }) } },
    })
    expect(Object.keys(definition.fields.toFields())).toEqual(["id", "title"])
  })

  it("names a locale index after its locale; it holds the locale's text, the base text where there is none", () => {
    expect(productSearchIndex({ locale: "de-DE" }).name).toBe("product_de_de")
    const options = resolveProductIndexOptions({ locale: "de-DE" })
    expect(toProductDocument(product, options, { "de-DE": { title: "Alpaka-Strickjacke" } })).toMatchObject({
      title: "Alpaka-Strickjacke",
      subtitle: "Grey",
      description: "Soft",
      handle: "alpaca-cardigan",
    })
    expect(toProductDocument(product, options, {}).title).toBe("Alpaca cardigan")
  })

  it("refuses localeIndexes, which only the plural factory takes", () => {
    expect(() => productSearchIndex({ localeIndexes: true } as any)).toThrow("localeIndexes: use productSearchIndexes()")
  })
})

describe("productSearchIndexes", () => {
  afterEach(() => FeatureFlag.setFlag("translation", false))

  it("defines one index per locale with localeIndexes, only where the Translation Module is on", () => {
    expect(productSearchIndexes({ locales: ["de-DE"], localeIndexes: true }).map((index) => index.name)).toEqual(["product"])
    FeatureFlag.setFlag("translation", true)
    expect(productSearchIndexes({ locales: ["de-DE"] }).map((index) => index.name)).toEqual(["product"])
    const indexes = productSearchIndexes({ locales: ["de-DE", "fr"], localeIndexes: true })
    expect(indexes.map((index) => [index.name, index.commerce_bridge])).toEqual([
      ["product", { entity: "product" }],
      ["product_de_de", { entity: "product", locale: "de-DE", base: "product" }],
      ["product_fr", { entity: "product", locale: "fr", base: "product" }],
    ])
  })
})
