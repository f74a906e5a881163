import type { ProviderSearchQuery } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { sampleProductIndex } from "../../../../integration-tests/__fixtures__/search-products"
import { searchBody } from "../query"
import { toSearchResult } from "../results"

const index = sampleProductIndex("product_v1")
const query = (overrides: Partial<ProviderSearchQuery> = {}): ProviderSearchQuery => ({ index, attributes_to_retrieve: [], ...overrides })
const variantsMatch = (extra: object = {}) => ({
  nested: { path: "variants", query: { multi_match: { query: "shirt", fields: ["variants.sku"], operator: "and", ...extra } } },
})

describe("OpenSearch search requests", () => {
  it("matches all documents, 20 at a time, when there is nothing to search", () => {
    expect(searchBody(query())).toEqual({ query: { match_all: {} }, from: 0, size: 20 })
  })

  it("searches the searchable fields with their weights, fuzzily, every term required, nested fields through nested", () => {
    const body = searchBody(query({ q: " shirt ", filters: { status: "published" } }))
    expect(body.query).toEqual({
      bool: {
        must: [
          {
            dis_max: {
              queries: [
                { multi_match: { query: "shirt", fields: ["title^3", "description"], operator: "and", fuzziness: "AUTO" } },
                variantsMatch({ fuzziness: "AUTO" }),
              ],
            },
          },
        ],
        filter: [{ bool: { filter: [{ term: { status: "published" } }] } }],
      },
    })
    expect(body).not.toHaveProperty("highlight")
  })

  it("follows the match strategy, typo settings and the fields to search on", () => {
    const mustOf = (body: any) => body.query.bool.must[0]
    expect(mustOf(searchBody(query({ q: "shirt", search_options: { match_strategy: "any", typo_tolerance: false, attributes_to_search_on: ["title"] } })))).toEqual({
      multi_match: { query: "shirt", fields: ["title^3"], operator: "or" },
    })
    expect(mustOf(searchBody(query({ q: "shirt", search_options: { match_strategy: "last", attributes_to_search_on: ["description"] } })))).toEqual({
      multi_match: { query: "shirt", fields: ["description"], type: "bool_prefix", operator: "and", fuzziness: "AUTO" },
    })
    const tuned = sampleProductIndex("product_v1")
    tuned.settings = { typo_tolerance: { min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8, disabled_on_attributes: ["variants.sku"] } }
    expect(mustOf(searchBody(query({ index: tuned, q: "shirt" })))).toEqual({
      dis_max: {
        queries: [{ multi_match: { query: "shirt", fields: ["title^3", "description"], operator: "and", fuzziness: "AUTO:4,8" } }, variantsMatch()],
      },
    })
  })

  it("pages, sorts, counts, projects and thresholds as asked", () => {
    const body = searchBody(
      query({
        attributes_to_retrieve: ["title", "price"],
        pagination: { skip: 40, take: 10, order: { _score: "DESC", title: "ASC", "variants.sku": "DESC" } },
        search_options: { count: "exact", include_score: true, min_score: 0.5, provider_options: { opensearch: { timeout: "2s" } } },
      })
    )
    expect(body).toEqual({
      query: { match_all: {} },
      from: 40,
      size: 10,
      sort: [{ _score: { order: "desc" } }, { "title.keyword": { order: "asc" } }, { "variants.sku": { order: "desc", nested: { path: "variants" } } }],
      track_scores: true,
      track_total_hits: true,
      _source: { includes: ["title", "price"] },
      min_score: 0.5,
      timeout: "2s",
    })
    expect(searchBody(query({ search_options: { count: "none" } })).track_total_hits).toBe(false)
    const hidden = sampleProductIndex("product_v1")
    hidden.fields = { ...hidden.fields, blob: { type: "text", searchable: true, retrievable: false } }
    expect(searchBody(query({ index: hidden }))._source).toEqual({ excludes: ["blob"] })
  })

  it("asks for facets as aggregations, nested fields through nested aggregations", () => {
    const body = searchBody(
      query({
        search_options: {
          facets: [
            "categories",
            { field: "title", limit: 5, sort: "alpha" },
            { field: "variants.sku" },
            { field: "price", type: "range", ranges: [{ to: 50 }, { key: "dear", from: 50 }] },
            { field: "created_at", type: "range", ranges: [{ from: "2026-11-04T00:00:00.000Z" }] },
            { field: "price", type: "stats" },
          ],
        },
      })
    )
    expect(body.aggs).toEqual({
      facet_0: { terms: { field: "categories", size: 100 } },
      facet_1: { terms: { field: "title.keyword", size: 5, order: { _key: "asc" } } },
      facet_2: { nested: { path: "variants" }, aggs: { facet: { terms: { field: "variants.sku", size: 100 }, aggs: { products: { reverse_nested: {} } } } } },
      facet_3: { range: { field: "price", ranges: [{ key: "*-50", to: 50 }, { key: "dear", from: 50 }] } },
      facet_4: { range: { field: "created_at", ranges: [{ key: "2026-11-04T00:00:00.000Z-*", from: Date.UTC(2026, 10, 4) }] } },
      facet_5: { stats: { field: "price" } },
    })
  })

  it("builds a highlight request only with a free-text query, and reads the highlights back", () => {
    expect(searchBody(query({ search_options: { highlight: true } }))).not.toHaveProperty("highlight")
    expect(searchBody(query({ q: "shirt", search_options: { highlight: true } })).highlight).toEqual({
      pre_tags: ["<mark>"],
      post_tags: ["</mark>"],
      fields: { title: { number_of_fragments: 0 }, description: { number_of_fragments: 0 }, "variants.sku": { number_of_fragments: 0 } },
    })
    const custom = searchBody(query({ q: "shirt", search_options: { highlight: { fields: ["description"], pre_tag: "<b>", post_tag: "</b>", snippet: { length: 40 } } } }))
    expect(custom.highlight).toEqual({ pre_tags: ["<b>"], post_tags: ["</b>"], fields: { description: { fragment_size: 40, number_of_fragments: 1 } } })

    const result = toSearchResult(query({ q: "shirt" }), {
      took: 3,
      hits: { total: { value: 1, relation: "eq" }, hits: [{ _id: "p1", _score: 1.2, _source: { title: "Linen shirt" }, highlight: { title: ["Linen <mark>shirt</mark>"] } }] },
    })
    expect(result).toEqual({
      hits: [{ id: "p1", document: { title: "Linen shirt" }, highlights: { title: ["Linen <mark>shirt</mark>"] } }],
      metadata: { skip: 0, take: 20, count: 1, query: "shirt", processing_time_ms: 3 },
    })
  })

  it.each([
    [{ search_options: { distinct: "handle" } }, "distinct"],
    [{ search_options: { vector: { value: [0.1] } } }, "vector search"],
    [{ search_options: { locales: ["en"] } }, "locales"],
    [{ pagination: { cursor: "abc" } }, "cursor"],
    [{ search_options: { facets: [{ field: "categories", query: "sh" }] } }, '"query"'],
  ])("refuses what it cannot express: %j", (overrides, named) => {
    let error: any
    try {
      searchBody(query(overrides as Partial<ProviderSearchQuery>))
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toContain(named)
  })
})
