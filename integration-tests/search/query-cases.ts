import type { SearchFilters } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ContractContext, idSet, ids, rejection, search } from "./harness"

// The sample catalogue (integration-tests/__fixtures__/search-products.ts), cheapest first:
// p6 Cotton t-shirt 19 · p1 Linen shirt 39.5 · p2 Flannel shirt 49 · p3 Wool sweater 89 · p5 Denim jacket 99 · p4 Rain jacket 120
const BY_PRICE = ["p6", "p1", "p2", "p3", "p5", "p4"]

/** Matching, filtering, faceting, sorting and paging. Score order is the engine's: only sets are compared then. */
export function queryCases(ctx: ContractContext) {
  const byPrice = async (filters: SearchFilters) => ids(await search(ctx, { filters, pagination: { order: { price: "ASC" } } }))

  it("matches free text on the searchable fields, every term required under match_strategy \"all\"", async () => {
    const jackets = await search(ctx, { filters: { q: "jacket" }, search_options: { count: "exact" } })
    expect(idSet(jackets)).toEqual(["p4", "p5"])
    expect(jackets.metadata).toMatchObject({ count: 2, query: "jacket" })
    expect(ids(await search(ctx, { filters: { q: "denim" } }))).toEqual(["p5"])
    expect(ids(await search(ctx, { filters: { q: "linen wool" }, search_options: { match_strategy: "all" } }))).toEqual([])
    // "all" is also the default.
    expect(ids(await search(ctx, { filters: { q: "linen wool" } }))).toEqual([])
  })

  it("finds shirts for the typo \"shrit\" when typo tolerance is asked for", async () => {
    const result = await search(ctx, { filters: { q: "shrit" }, search_options: { typo_tolerance: true } })
    expect(idSet(result)).toEqual(["p1", "p2", "p6"])
    expect(ids(await search(ctx, { filters: { q: "shrit" }, search_options: { typo_tolerance: false } }))).toEqual([])
    expect(idSet(await search(ctx, { filters: { q: "shirt" }, search_options: { typo_tolerance: false } }))).toEqual(["p1", "p2", "p6"])
  })

  it("filters with equality, $in, $ne, $nin, ranges, booleans and dates", async () => {
    expect(await byPrice({ handle: "p4" })).toEqual(["p4"])
    expect(await byPrice({ status: "published", in_stock: false })).toEqual(["p6", "p3"])
    expect(await byPrice({ categories: { $in: ["jackets", "knitwear"] } })).toEqual(["p3", "p5", "p4"])
    expect(await byPrice({ categories: ["jackets", "knitwear"], in_stock: true })).toEqual(["p5", "p4"])
    expect(await byPrice({ price: { $gte: 40, $lt: 100 } })).toEqual(["p2", "p3", "p5"])
    expect(await byPrice({ handle: { $ne: "p1" }, price: { $lte: 49 } })).toEqual(["p6", "p2"])
    expect(await byPrice({ handle: { $nin: ["p1", "p2", "p3"] } })).toEqual(["p6", "p5", "p4"])
    expect(await byPrice({ created_at: { $gte: new Date(Date.UTC(2026, 10, 5)) } })).toEqual(["p6", "p5"])
  })

  it("filters on nested variant fields and combines filters with $and, $or, $not and a text query", async () => {
    expect(await byPrice({ "variants.sku": "LIN-M" })).toEqual(["p1"])
    expect(await byPrice({ "variants.sku": { $in: ["DEN-L", "FLA-M"] } })).toEqual(["p2", "p5"])
    expect(await byPrice({ $and: [{ price: { $gt: 30 } }, { categories: "shirts" }] })).toEqual(["p1", "p2"])
    expect(await byPrice({ $or: [{ price: { $lt: 20 } }, { handle: "p4" }] })).toEqual(["p6", "p4"])
    expect(await byPrice({ $not: { categories: "shirts" } })).toEqual(["p3", "p5", "p4"])
    expect(await byPrice({ $or: [{ "variants.sku": "WOOL-L" }, { $and: [{ in_stock: true }, { $not: { price: { $lt: 100 } } }] }] })).toEqual(["p3", "p4"])
    expect(await byPrice({ q: "shirt", in_stock: true })).toEqual(["p1", "p2"])
  })

  it("counts facet values over the matching documents, by count when asked", async () => {
    const inStock = await search(ctx, { filters: { in_stock: true }, search_options: { facets: [{ field: "categories", sort: "count" }, "status"] } })
    const categories = inStock.facets!.categories as { type: "value"; values: { value: string; count: number }[] }
    expect(categories.type).toBe("value")
    expect(categories.values).toHaveLength(5)
    expect(categories.values).toEqual(expect.arrayContaining([{ value: "shirts", count: 2 }, { value: "jackets", count: 2 }, { value: "summer", count: 1 }, { value: "winter", count: 1 }, { value: "denim", count: 1 }]))
    expect(categories.values.map((entry) => entry.count)).toEqual([2, 2, 1, 1, 1])
    expect(inStock.facets!.status).toMatchObject({ type: "value", values: [{ value: "published", count: 4 }] })

    const matched = await search(ctx, { filters: { q: "jacket" }, search_options: { facets: ["categories"] } })
    expect(matched.facets!.categories).toMatchObject({ values: expect.arrayContaining([{ value: "jackets", count: 2 }, { value: "denim", count: 1 }]) })
    expect((matched.facets!.categories as { values: unknown[] }).values).toHaveLength(2)
  })

  it("answers range and stats facets on price, and disjunctive facets that ignore their own field's filter", async () => {
    const ranges = [{ key: "cheap", to: 50 }, { key: "mid", from: 50, to: 100 }, { key: "dear", from: 100 }]
    const all = await search(ctx, { search_options: { facets: [{ field: "price", type: "range", ranges }] } })
    expect(all.facets!.price).toMatchObject({ type: "range" })
    const counts = Object.fromEntries((all.facets!.price as { ranges: { key: string; count: number }[] }).ranges.map((range) => [range.key, range.count]))
    expect(counts).toEqual({ cheap: 3, mid: 2, dear: 1 })

    const stats = await search(ctx, { filters: { in_stock: true }, search_options: { facets: [{ field: "price", type: "stats" }] } })
    expect(stats.facets!.price).toMatchObject({ type: "stats", min: 39.5, max: 120, count: 4 })

    const jackets = await search(ctx, { filters: { categories: "jackets" }, search_options: { facets: ["categories", "in_stock"], disjunctive_facets: true } })
    expect(idSet(jackets)).toEqual(["p4", "p5"])
    expect((jackets.facets!.categories as { values: unknown[] }).values).toEqual(
      expect.arrayContaining([{ value: "shirts", count: 3 }, { value: "jackets", count: 2 }, { value: "knitwear", count: 1 }])
    )
    expect(jackets.facets!.in_stock).toMatchObject({ values: [{ value: "true", count: 2 }] })
  })

  it("sorts by price both ways, by date, by title, and a text match by price", async () => {
    const sorted = async (order: Record<string, "ASC" | "DESC">, q?: string) => ids(await search(ctx, { filters: q ? { q } : {}, pagination: { order } }))
    expect(await sorted({ price: "ASC" })).toEqual(BY_PRICE)
    expect(await sorted({ price: "DESC" })).toEqual([...BY_PRICE].reverse())
    expect(await sorted({ created_at: "DESC" })).toEqual(["p6", "p5", "p4", "p3", "p2", "p1"])
    expect(await sorted({ title: "ASC" })).toEqual(["p6", "p5", "p2", "p1", "p4", "p3"])
    expect(await sorted({ price: "DESC" }, "shirt")).toEqual(["p2", "p1", "p6"])
  })

  it("pages with skip and take, reporting the page and the total; no count when told not to", async () => {
    const page = (skip: number, take: number) => search(ctx, { pagination: { skip, take, order: { price: "ASC" } }, search_options: { count: "exact" } })
    const pages = await Promise.all([page(0, 2), page(2, 2), page(4, 2)])
    expect(pages.map(ids)).toEqual([BY_PRICE.slice(0, 2), BY_PRICE.slice(2, 4), BY_PRICE.slice(4, 6)])
    expect(pages[1].metadata).toMatchObject({ skip: 2, take: 2, count: 6 })
    expect(ids(await page(6, 2))).toEqual([])
    expect((await search(ctx)).metadata).toMatchObject({ skip: 0, take: 20 })
    expect((await search(ctx, { search_options: { count: "none" } })).metadata.count).toBeNull()
  })

  it("matches per-locale text, restricts matching to chosen fields, and honours or rejects query-time locales", async () => {
    expect(idSet(await search(ctx, { filters: { q: "hemd" } }))).toEqual(["p1", "p2"])
    const onGerman = { attributes_to_search_on: ["translations.de.title"] }
    expect(idSet(await search(ctx, { filters: { q: "hemd" }, search_options: onGerman }))).toEqual(["p1", "p2"])
    expect(ids(await search(ctx, { filters: { q: "jacket" }, search_options: onGerman }))).toEqual([])
    expect(idSet(await search(ctx, { filters: { q: "jacket" }, search_options: { attributes_to_search_on: ["title"] } }))).toEqual(["p4", "p5"])

    const localized = search(ctx, { filters: { q: "hemd" }, search_options: { locales: ["de"] } })
    if (ctx.engine.honoursLocales) expect(idSet(await localized)).toEqual(["p1", "p2"])
    else expect((await rejection(localized)).type).toBe(MedusaError.Types.NOT_ALLOWED)
  })
}
