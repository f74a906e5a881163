import { sampleProductIndex } from "../../../../integration-tests/__fixtures__/search-products"
import { fieldsFromMapping, openSearchMappings, resolvePath, wrapNested } from "../mappings"

describe("OpenSearch mappings from an index definition", () => {
  it("maps every field type, with keyword subfields where text is filtered, sorted or faceted", () => {
    expect(openSearchMappings(sampleProductIndex("product_v1"))).toEqual({
      properties: {
        title: { type: "text", fields: { keyword: { type: "keyword" } } },
        description: { type: "text" },
        handle: { type: "keyword" },
        status: { type: "keyword" },
        categories: { type: "keyword" },
        price: { type: "double" },
        in_stock: { type: "boolean" },
        created_at: { type: "date" },
        variants: { type: "nested", properties: { sku: { type: "keyword" } } },
        id: { type: "keyword" },
      },
    })
  })

  it("maps single objects as objects, integers as long, vectors as knn_vector and applies field provider options", () => {
    const index = sampleProductIndex("x")
    index.primary_key = "handle"
    index.fields = {
      handle: { type: "keyword" },
      seo: { type: "object", fields: { slug: { type: "keyword" } } },
      stock: { type: "integer" },
      location: { type: "geo" },
      embedding: { type: "vector", dimensions: 3 },
      body: { type: "text", facetable: true, provider_options: { opensearch: { analyzer: "english" } } },
    }
    expect(openSearchMappings(index).properties).toEqual({
      handle: { type: "keyword" },
      seo: { properties: { slug: { type: "keyword" } } },
      stock: { type: "long" },
      location: { type: "geo_point" },
      embedding: { type: "knn_vector", dimension: 3, method: { name: "hnsw", space_type: "cosinesimil", engine: "lucene" } },
      body: { type: "text", fields: { keyword: { type: "keyword" } }, analyzer: "english" },
    })
  })

  it("resolves a dotted path to its exact subfield and the nested objects it lies in", () => {
    const { fields } = sampleProductIndex("x")
    expect(resolvePath(fields, "title")).toMatchObject({ exactPath: "title.keyword", nestedPaths: [] })
    expect(resolvePath(fields, "description")).toMatchObject({ exactPath: "description", nestedPaths: [] })
    expect(resolvePath(fields, "variants.sku")).toMatchObject({ exactPath: "variants.sku", nestedPaths: ["variants"] })
    expect(resolvePath(fields, "unknown.path")).toMatchObject({ exactPath: "unknown.path", nestedPaths: [], field: undefined })
    expect(wrapNested({ term: {} }, ["a", "a.b"])).toEqual({ nested: { path: "a", query: { nested: { path: "a.b", query: { term: {} } } } } })
    expect(wrapNested({ term: {} }, ["a", "a.b"], "a")).toEqual({ nested: { path: "a.b", query: { term: {} } } })
  })

  it("reads field definitions back from mappings, keeping what filters need", () => {
    const fields = fieldsFromMapping(openSearchMappings(sampleProductIndex("x")).properties)
    expect(resolvePath(fields, "title").exactPath).toBe("title.keyword")
    expect(resolvePath(fields, "description").exactPath).toBe("description")
    expect(resolvePath(fields, "variants.sku").nestedPaths).toEqual(["variants"])
    expect(fields.price).toMatchObject({ type: "float" })
  })
})
