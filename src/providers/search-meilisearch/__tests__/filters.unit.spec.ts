import { compileMeilisearchFilter } from "../filters"

describe("Medusa filters as Meilisearch filter expressions", () => {
  it.each([
    [{ status: "published" }, 'status = "published"'],
    [{ in_stock: true, price: 10 }, "in_stock = true AND price = 10"],
    [{ category_ids: ["a", "b"] }, 'category_ids IN ["a", "b"]'],
    [{ deleted_at: null }, "deleted_at IS NULL"],
    [{ price: { $gte: 10, $lt: 20 } }, "price >= 10 AND price < 20"],
    [{ price: { $ne: 5 } }, "price != 5"],
    [{ handle: { $nin: ["x"] } }, 'handle NOT IN ["x"]'],
    [{ thumbnail: { $exists: true } }, "thumbnail EXISTS"],
    [{ thumbnail: { $exists: false } }, "thumbnail NOT EXISTS"],
    [{ tags: { $contains: ["sale", "new"] } }, 'tags = "sale" AND tags = "new"'],
    [{ variants: { sku: "SKU-1" } }, 'variants.sku = "SKU-1"'],
    [{ created_at: { $gt: new Date("2026-01-01T00:00:00Z") } }, "created_at > 1767225600000"],
    [{ title: 'The "Best" shirt \\ ever' }, 'title = "The \\"Best\\" shirt \\ ever"'],
    [{ $or: [{ status: "published" }, { price: { $lt: 5 } }] }, '((status = "published") OR (price < 5))'],
    [{ $and: [{ a: 1 }, { $not: { b: 2 } }] }, "(a = 1) AND (NOT (b = 2))"],
    [{ q: "shirt", status: "published" }, 'status = "published"'],
    [{}, ""],
  ])("%j → %s", (filters, expected) => {
    expect(compileMeilisearchFilter(filters as any)).toBe(expected)
  })

  it("refuses operators Meilisearch cannot express, naming them", () => {
    expect(() => compileMeilisearchFilter({ handle: { $prefix: "shi" } })).toThrow("$prefix")
    expect(() => compileMeilisearchFilter({ title: { $like: "%shirt%" } })).toThrow('on "title"')
  })
})
