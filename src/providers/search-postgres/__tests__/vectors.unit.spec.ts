import { embeddingSql, signsSql, unitLength, vectorColumns, withoutPaths, withoutVectorFields } from "../vectors"

describe("PostgreSQL vector columns", () => {
  it("names a vector field's columns after its path, safe as SQL identifiers", () => {
    expect(vectorColumns("embedding")).toEqual({ embedding: "cb_embedding_embedding", signs: "cb_signs_embedding" })
    expect(vectorColumns("content.embedding")).toEqual({ embedding: "cb_embedding_content_embedding", signs: "cb_signs_content_embedding" })
  })

  it("stores vectors at unit length, so cosine is a dot product, and their signs one bit per component", () => {
    expect(unitLength([3, 4])).toEqual([0.6, 0.8])
    expect(unitLength([0, 0])).toEqual([0, 0])
    expect(embeddingSql([0.6, -0.8, 1e-9])).toBe("'{0.6,-0.8,1e-9}'::real[]")
    expect(signsSql([0.6, -0.8, 0, 1e-9])).toBe("B'1001'")
    expect(() => unitLength([0.5, Number.NaN])).toThrow("finite number")
    expect(() => unitLength([0.5, "0.5"])).toThrow('holds "0.5"')
  })

  it("drops vector fields from a definition and their values from documents, nested ones included", () => {
    const fields = {
      title: { type: "text" as const, searchable: true },
      embedding: { type: "vector" as const, dimensions: 4 },
      content: { type: "object" as const, fields: { body: { type: "text" as const }, embedding: { type: "vector" as const, dimensions: 4 } } },
    }
    expect(withoutVectorFields(fields)).toEqual({ title: fields.title, content: { type: "object", fields: { body: { type: "text" } } } })
    const document = { id: "p1", title: "Couch", embedding: [1, 0], content: { body: "Soft", embedding: [0, 1] } }
    expect(withoutPaths(document, ["embedding", "content.embedding", "missing.path"])).toEqual({ id: "p1", title: "Couch", content: { body: "Soft" } })
    expect(document.embedding).toEqual([1, 0])
  })
})
