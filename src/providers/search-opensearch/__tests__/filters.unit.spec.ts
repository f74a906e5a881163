import type { SearchFieldDefinition } from "@medusajs/framework/types"
import { compileOpenSearchFilter, likeToWildcard } from "../filters"

const fields: Record<string, SearchFieldDefinition> = {
  title: { type: "text", filterable: true },
  status: { type: "keyword", filterable: true },
  price: { type: "float", filterable: true },
  tags: { type: "keyword", array: true, filterable: true },
  created_at: { type: "date", filterable: true },
  variants: { type: "object", array: true, fields: { sku: { type: "keyword" }, size: { type: "keyword" } } },
  seo: { type: "object", fields: { slug: { type: "keyword" } } },
}
const compile = (filters: object) => compileOpenSearchFilter(filters as any, fields)
const filter = (...clauses: object[]) => ({ bool: { filter: clauses } })
const mustNot = (...clauses: object[]) => ({ bool: { must_not: clauses } })
const nested = (path: string, query: object) => ({ nested: { path, query } })

describe("Medusa filters as OpenSearch bool queries", () => {
  it.each([
    [{ status: "published" }, filter({ term: { status: "published" } })],
    [{ title: "Linen shirt" }, filter({ term: { "title.keyword": "Linen shirt" } })],
    [{ tags: ["a", "b"] }, filter({ terms: { tags: ["a", "b"] } })],
    [{ tags: { $in: ["a"] } }, filter({ terms: { tags: ["a"] } })],
    [{ tags: { $overlaps: ["a", "b"] } }, filter({ terms: { tags: ["a", "b"] } })],
    [{ tags: { $nin: ["x"] } }, mustNot({ terms: { tags: ["x"] } })],
    [{ price: { $ne: 5 } }, mustNot({ term: { price: 5 } })],
    [{ price: { $eq: 5 } }, filter({ term: { price: 5 } })],
    [{ status: null }, mustNot({ exists: { field: "status" } })],
    [{ status: { $ne: null } }, filter({ exists: { field: "status" } })],
    [{ status: { $exists: true } }, filter({ exists: { field: "status" } })],
    [{ status: { $exists: false } }, mustNot({ exists: { field: "status" } })],
    [{ price: { $gte: 10, $lt: 20 } }, filter({ range: { price: { gte: 10, lt: 20 } } })],
    [{ created_at: { $gt: new Date("2026-01-01T00:00:00Z") } }, filter({ range: { created_at: { gt: "2026-01-01T00:00:00.000Z" } } })],
    [{ created_at: { $lte: 1767225600000 } }, filter({ range: { created_at: { lte: 1767225600000 } } })],
    [{ tags: { $contains: ["sale", "new"] } }, filter({ term: { tags: "sale" } }, { term: { tags: "new" } })],
    [{ tags: { $contains: "sale" } }, filter({ term: { tags: "sale" } })],
    [{ title: { $prefix: "Lin" } }, filter({ prefix: { "title.keyword": "Lin" } })],
    [{ title: { $like: "%shirt_" } }, filter({ wildcard: { "title.keyword": { value: "*shirt?" } } })],
    [{ seo: { slug: "x" } }, filter({ term: { "seo.slug": "x" } })],
    [{ "variants.sku": "S1" }, filter(nested("variants", { term: { "variants.sku": "S1" } }))],
    [{ "variants.sku": { $ne: "S1" } }, mustNot(nested("variants", { term: { "variants.sku": "S1" } }))],
    [{ variants: { sku: "S1", size: "M" } }, filter(nested("variants", filter({ term: { "variants.sku": "S1" } }, { term: { "variants.size": "M" } })))],
    [{ variants: null }, mustNot(nested("variants", { match_all: {} }))],
    [
      { $or: [{ status: "published" }, { price: { $lt: 5 } }] },
      filter({ bool: { should: [filter({ term: { status: "published" } }), filter({ range: { price: { lt: 5 } } })], minimum_should_match: 1 } }),
    ],
    [{ $and: [{ price: 1 }, { $not: { status: "x" } }] }, filter(filter({ term: { price: 1 } }), mustNot(filter({ term: { status: "x" } })))],
    [{ q: "shirt", status: "published" }, filter({ term: { status: "published" } })],
  ])("%j", (filters, expected) => {
    expect(compile(filters)).toEqual(expected)
  })

  it("compiles nothing to filter as no query", () => {
    expect(compile({})).toBeUndefined()
    expect(compile({ q: "shirt" })).toBeUndefined()
    expect(compileOpenSearchFilter(undefined, fields)).toBeUndefined()
  })

  it("escapes wildcard characters that $like takes literally", () => {
    expect(likeToWildcard("50%*off?\\")).toBe("50*\\*off\\?\\\\")
  })

  it("refuses unknown operators, naming them and the field", () => {
    expect(() => compile({ price: { $between: [1, 2] } })).toThrow('$between operator (on "price")')
  })
})
