import { priceRanges, toProductDocument, variantAvailability } from "../product/documents"
import type { ProductRow, VariantRow } from "../product/graph"
import { resolveProductIndexOptions } from "../product/options"

const level = (stocked: number, reserved = 0) => ({ stocked_quantity: stocked, reserved_quantity: reserved })
const managed = (levels: ReturnType<typeof level>[], extra: Partial<VariantRow> = {}): VariantRow => ({
  id: "variant_1",
  manage_inventory: true,
  inventory_items: [{ required_quantity: 1, inventory: { location_levels: levels } }],
  ...extra,
})

describe("variantAvailability", () => {
  it("sums stock across locations, less reservations", () => {
    expect(variantAvailability(managed([level(5, 1), level(3)]))).toEqual({ inStock: true, quantity: 7 })
  })

  it("is out of stock at zero, and never negative when more is reserved than stocked", () => {
    expect(variantAvailability(managed([level(0)]))).toEqual({ inStock: false, quantity: 0 })
    expect(variantAvailability(managed([level(1, 4)]))).toEqual({ inStock: false, quantity: 0 })
  })

  it("counts what the scarcest item of a bundle allows", () => {
    const bundle: VariantRow = {
      id: "variant_bundle",
      manage_inventory: true,
      inventory_items: [
        { required_quantity: 2, inventory: { location_levels: [level(9)] } },
        { required_quantity: 1, inventory: { location_levels: [level(3)] } },
      ],
    }
    expect(variantAvailability(bundle)).toEqual({ inStock: true, quantity: 3 })
  })

  it("is always in stock without managed inventory or with backorders", () => {
    expect(variantAvailability({ id: "v", manage_inventory: false })).toEqual({ inStock: true, quantity: 0 })
    expect(variantAvailability(managed([level(0)], { allow_backorder: true }))).toEqual({ inStock: true, quantity: 0 })
  })
})

describe("priceRanges", () => {
  it("takes the lowest and highest base price per configured currency, ignoring price lists and other currencies", () => {
    const variants: VariantRow[] = [
      { id: "a", prices: [{ amount: 20, currency_code: "eur" }, { amount: "25.5", currency_code: "USD" }, { amount: 5, currency_code: "eur", price_list_id: "plist_sale" }] },
      { id: "b", prices: [{ amount: 35, currency_code: "eur" }, { amount: 1000, currency_code: "jpy" }] },
    ]
    expect(priceRanges(variants, ["usd", "eur"])).toEqual({ eur: { min: 20, max: 35 }, usd: { min: 25.5, max: 25.5 } })
  })
})

describe("toProductDocument", () => {
  const product: ProductRow = {
    id: "prod_1",
    title: "Alpaca cardigan",
    handle: "alpaca-cardigan",
    status: "published",
    created_at: "2026-11-01T10:00:00.000Z",
    updated_at: new Date("2026-11-02T10:00:00.000Z"),
    tags: [{ id: "ptag_1", value: "wool" }],
    type: { id: "ptyp_1", value: "Knitwear" },
    collection: { id: "pcol_1", title: "Winter" },
    categories: [{ id: "pcat_1", name: "Cardigans" }],
    sales_channels: [{ id: "sc_1" }],
    cms_content: { description: "Knitted in Peru from baby alpaca", seo_title: "Alpaca cardigan, grey", seo_description: null },
    variants: [
      { ...managed([level(2)]), id: "v_s", sku: "ALP-S", title: "S", options: [{ value: "S" }, { value: "Grey" }], prices: [{ amount: 129, currency_code: "eur" }] },
      { ...managed([level(0)]), id: "v_m", sku: "ALP-M", title: "M", options: [{ value: "M" }, { value: "Grey" }], prices: [{ amount: 139, currency_code: "eur" }] },
    ],
  }

  it("holds what storefronts search, filter and sort on, and the editors' text from Strapi", () => {
    const now = new Date("2026-11-22T12:00:00.000Z")
    const document = toProductDocument(product, resolveProductIndexOptions({ currencies: ["eur"] }), {}, now)
    expect(document).toEqual({
      id: "prod_1",
      title: "Alpaca cardigan",
      subtitle: null,
      handle: "alpaca-cardigan",
      description: null,
      status: "published",
      thumbnail: null,
      tags: ["wool"],
      tag_ids: ["ptag_1"],
      type: "Knitwear",
      type_id: "ptyp_1",
      collection: "Winter",
      collection_id: "pcol_1",
      category_ids: ["pcat_1"],
      categories: ["Cardigans"],
      sales_channel_ids: ["sc_1"],
      variants: [
        { id: "v_s", sku: "ALP-S", title: "S" },
        { id: "v_m", sku: "ALP-M", title: "M" },
      ],
      option_values: ["S", "Grey", "M"],
      prices: { eur: { min: 129, max: 139 } },
      in_stock: true,
      inventory_quantity: 2,
      content: { description: "Knitted in Peru from baby alpaca", seo_title: "Alpaca cardigan, grey", seo_description: null },
      created_at: "2026-11-01T10:00:00.000Z",
      updated_at: "2026-11-02T10:00:00.000Z",
      indexed_at: "2026-11-22T12:00:00.000Z",
    })
  })

  it("carries each configured locale's translated text, empty where a locale has none", () => {
    const options = resolveProductIndexOptions({ locales: ["de-DE", "fr"] })
    const document = toProductDocument(product, options, { "de-DE": { title: "Alpaka-Strickjacke", description: "Weich" } })
    expect(document.translations).toEqual({
      de_de: { title: "Alpaka-Strickjacke", subtitle: null, description: "Weich" },
      fr: { title: null, subtitle: null, description: null },
    })
  })
})

describe("resolveProductIndexOptions", () => {
  it("defaults to a product index priced in USD and EUR, without locales", () => {
    expect(resolveProductIndexOptions()).toEqual({ name: "product", provider: undefined, currencies: ["usd", "eur"], locales: [], settings: undefined })
  })

  it.each([
    [{ currencies: ["euro"] }, 'currencies: "euro" is not a three-letter currency code'],
    [{ locales: ["german!"] }, 'locales: "german!" is not a locale code'],
    [{ name: "Products" }, 'name: "Products" must be lowercase'],
  ])("names the bad option %j", (options, message) => {
    expect(() => resolveProductIndexOptions(options)).toThrow(message)
  })
})
