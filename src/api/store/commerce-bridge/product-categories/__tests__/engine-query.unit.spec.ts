import { buildCategoryEngineQuery } from "../engine-query"

const page = { skip: 0, take: 50 }
const storeFilters = { is_active: true, is_internal: false }

describe("buildCategoryEngineQuery", () => {
  it("answers Medusa's store filters in Medusa's default order (id ascending), with an exact count", () => {
    expect(buildCategoryEngineQuery({ ...storeFilters, handle: "knitwear", id: ["pcat_1", "pcat_2"] }, undefined, { skip: 10, take: 5 })).toEqual({
      query: {
        fields: ["id"],
        filters: { is_active: true, is_internal: false, handle: { $in: ["knitwear"] }, id: { $in: ["pcat_1", "pcat_2"] } },
        pagination: { skip: 10, take: 5, order: { id: "ASC" } },
        search_options: { count: "exact" },
      },
    })
  })

  it("ranks by relevance with q and no order, and sorts by a native order on the index's fields", () => {
    expect(buildCategoryEngineQuery({ ...storeFilters, q: "knit" }, undefined, page)).toMatchObject({ query: { filters: { q: "knit" }, pagination: { skip: 0, take: 50 } } })
    expect((buildCategoryEngineQuery({ q: "knit" }, undefined, page) as any).query.pagination.order).toBeUndefined()
    expect(buildCategoryEngineQuery({ q: "knit" }, "-rank", page)).toMatchObject({ query: { pagination: { order: { rank: "DESC" } } } })
  })

  it("reads parent_category_id=null as the top level (depth 0), alone or beside ids", () => {
    expect((buildCategoryEngineQuery({ parent_category_id: null }, undefined, page) as any).query.filters).toEqual({ $and: [{ depth: 0 }] })
    expect((buildCategoryEngineQuery({ parent_category_id: [null, "pcat_1"] }, undefined, page) as any).query.filters).toEqual({
      $and: [{ $or: [{ depth: 0 }, { parent_category_id: { $in: ["pcat_1"] } }] }],
    })
  })

  it("passes date ranges as dates, and leaves the tree params to Medusa's listing", () => {
    const built = buildCategoryEngineQuery({ created_at: { $gte: "2026-11-01" }, include_descendants_tree: true }, undefined, page) as any
    expect(built.query.filters).toEqual({ created_at: { $gte: new Date("2026-11-01T00:00:00.000Z") } })
  })

  it.each([
    [{ name: "Knitwear" }, undefined, "name"],
    [{ description: "wool" }, undefined, "description"],
    [{ $or: [{ handle: "a" }] }, undefined, "$or"],
    [{ created_at: { $ne: "2026-11-01" } }, undefined, "created_at"],
    [{ updated_at: { $gt: "yesterday" } }, undefined, "updated_at"],
    [{}, "description", "order"],
  ])("names a param the index cannot answer: %j %s", (filters, order, param) => {
    expect(buildCategoryEngineQuery(filters, order, page)).toEqual({ unsupported: param })
  })
})
