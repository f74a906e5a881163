import { flattenFields } from "../../../lib/search-fields"
import { productIndexFields } from "../../../search-indexes/product/fields"
import { resolveProductIndexOptions } from "../../../search-indexes/product/options"
import { buildEngineQuery, ListingInput } from "../engine-query"

// The product index's fields as the Search Module resolves them (`defineSearchIndex` calls `toFields()`).
const fields = flattenFields(productIndexFields(resolveProductIndexOptions({ currencies: ["eur", "usd"] })).toFields())
const input = (params: Record<string, unknown>, overrides: Partial<ListingInput> = {}): ListingInput => ({
  params: { offset: 0, limit: 50, ...params },
  salesChannelIds: ["sc_1", "sc_2"],
  filterable: new Set(fields.filter(({ field }) => field.filterable).map(({ path }) => path)),
  sortable: new Set(fields.filter(({ field }) => field.sortable).map(({ path }) => path)),
  ...overrides,
})

describe("buildEngineQuery", () => {
  it("narrows to published products of the key's channels, asks for ids and an exact count", () => {
    expect(buildEngineQuery(input({}))).toEqual({
      query: {
        fields: ["id"],
        filters: { status: "published", sales_channel_ids: { $overlaps: ["sc_1", "sc_2"] } },
        pagination: { skip: 0, take: 50 },
        search_options: { count: "exact" },
      },
    })
  })

  it("maps the native filters (as Medusa's validator leaves them) to the index's fields", () => {
    const built = buildEngineQuery(
      input({
        q: "alpaca",
        id: "prod_1",
        handle: ["a", "b"],
        collection_id: "pcol_1",
        type_id: ["ptyp_1"],
        categories: { id: ["pcat_1", "pcat_2"] },
        tags: { id: "ptag_1" },
        region_id: "reg_1",
        country_code: "de",
        fields: "*variants.calculated_price",
        offset: 20,
        limit: 10,
      })
    )
    expect(built).toEqual({
      query: expect.objectContaining({
        filters: {
          status: "published",
          sales_channel_ids: { $overlaps: ["sc_1", "sc_2"] },
          q: "alpaca",
          id: { $in: ["prod_1"] },
          handle: { $in: ["a", "b"] },
          collection_id: { $in: ["pcol_1"] },
          type_id: { $in: ["ptyp_1"] },
          category_ids: { $overlaps: ["pcat_1", "pcat_2"] },
          tag_ids: { $overlaps: ["ptag_1"] },
        },
        pagination: { skip: 20, take: 10 },
      }),
    })
  })

  it("leaves a blank q out, so the listing is not a text search", () => {
    expect(buildEngineQuery(input({ q: "  " }))).toMatchObject({ query: { filters: { status: "published" } } })
    expect((buildEngineQuery(input({ q: " " })) as any).query.filters).not.toHaveProperty("q")
  })

  it.each([
    ["title", { order: "title" }, { title: "ASC" }],
    ["-created_at", { order: "-created_at" }, { created_at: "DESC" }],
    ["updated_at", { order: "updated_at" }, { updated_at: "ASC" }],
  ])("sorts on the index's own field for order=%s", (_, params, order) => {
    expect(buildEngineQuery(input(params))).toMatchObject({ query: { pagination: { order } } })
  })

  it("sorts by price on the pricing currency's lowest base price", () => {
    expect(buildEngineQuery(input({ order: "-variants.calculated_price" }, { currencyCode: "EUR" }))).toMatchObject({
      query: { pagination: { order: { "prices.eur.min": "DESC" } } },
    })
  })

  it.each([
    ["title", { title: "Linen shirt" }],
    ["is_giftcard", { is_giftcard: true }],
    ["created_at", { created_at: { $gt: "2024-01-01" } }],
    ["options", { options: { id: ["opt_1"] } }],
    ["variants", { variants: { options: { value: "M" } } }],
    ["$or", { $or: [{ id: "prod_1" }] }],
    ["categories", { categories: { id: "pcat_1", is_internal: false } }],
    ["order", { order: "handle" }],
    ["order", { order: "variants.calculated_price" }],
  ])("names %s when the index cannot answer it", (param, params) => {
    expect(buildEngineQuery(input(params))).toEqual({ unsupported: param })
  })

  it("cannot sort by the price of a currency the index does not hold", () => {
    expect(buildEngineQuery(input({ order: "variants.calculated_price" }, { currencyCode: "gbp" }))).toEqual({ unsupported: "order" })
  })

  it("searches q by meaning too with semantic_ratio, on the index's vector field", () => {
    const built = buildEngineQuery(input({ q: "sofa" }, { semanticRatio: 0.8, vectorField: "embedding" }))
    const scope = { status: "published", sales_channel_ids: { $overlaps: ["sc_1", "sc_2"] } }
    expect(built).toEqual({
      query: {
        fields: ["id"],
        filters: { ...scope, q: "sofa" },
        pagination: { skip: 0, take: 50 },
        search_options: { count: "none", vector: { field: "embedding", query: "sofa", semantic_ratio: 0.8 } },
      },
      // Every product within the filters is ranked by meaning: they are the listing's count.
      countQuery: { fields: ["id"], filters: scope, pagination: { take: 0 }, search_options: { count: "exact" } },
    })
  })

  it.each([
    ["without embeddings in the index", { q: "sofa" }, undefined],
    ["without a text to search", {}, "embedding"],
    ["with an order, which results ranked by meaning cannot follow", { q: "sofa", order: "title" }, "embedding"],
  ])("names semantic_ratio %s", (_case, params, vectorField) => {
    expect(buildEngineQuery(input(params, { semanticRatio: 0.5, vectorField }))).toEqual({ unsupported: "semantic_ratio" })
  })
})
