import { productSearchIndex } from "../product"
import type { ProductRow } from "../product/graph"
import { addEmbeddings, resolveSemanticOptions, semanticText } from "../shared/semantic"

const row = (id: string, title: string, description: string | null = null): ProductRow => ({
  id,
  title,
  handle: id,
  description,
  status: "published",
  created_at: "2026-11-01T10:00:00.000Z",
  updated_at: "2026-11-02T10:00:00.000Z",
})

/** An embedder that records its calls and answers one-dimensional "embeddings" (the text's length). */
function recordingEmbedder() {
  const calls: { texts: string[]; model: { model: string; dimensions: number } }[] = []
  return { calls, embed: async (texts: string[], model: { model: string; dimensions: number }) => (calls.push({ texts, model }), texts.map((text) => [text.length])) }
}

describe("productSearchIndex({ semantic })", () => {
  it("declares an embed vector field of the given dimensions, carrying its model", () => {
    const fields = productSearchIndex({ semantic: { dimensions: 256, model: "text-embedding-3-large" } }).fields.toFields() as Record<string, any>
    expect(fields.embedding).toMatchObject({ type: "vector", dimensions: 256, embed: true, provider_options: { commerce_bridge: { model: "text-embedding-3-large" } } })
    expect(productSearchIndex().fields.toFields()).not.toHaveProperty("embedding")
  })

  it("defaults to text-embedding-3-small, 1536 dimensions, over title, subtitle, description and the CMS description", () => {
    expect(resolveSemanticOptions("product", {})).toEqual({
      model: "text-embedding-3-small",
      dimensions: 1536,
      field: "embedding",
      fields: ["title", "subtitle", "description", "content.description"],
    })
    expect(() => productSearchIndex({ semantic: { dimensions: 0 } })).toThrow("CommerceBridge product search index: semantic.dimensions must be a positive integer")
    expect(() => productSearchIndex({ semantic: { fields: [] } })).toThrow("semantic.fields must be a non-empty list")
  })

  it("embeds a whole batch of documents in one call, from their semantic fields' text", async () => {
    const embedder = recordingEmbedder()
    const semantic = resolveSemanticOptions("product", { dimensions: 1, fields: ["title", "description", "content.description"] })!
    const documents = await addEmbeddings(
      [{ id: "a", title: "Grey couch", description: "Soft", content: { description: "Three seats" } }, { id: "b", title: "", description: null }, { id: "c", title: "Mug" }],
      semantic,
      { container: { resolve: () => embedder }, index: { provider: "commerce-bridge-meilisearch" } } as any
    )
    expect(embedder.calls).toEqual([{ texts: ["Grey couch\nSoft\nThree seats", "Mug"], model: { model: "text-embedding-3-small", dimensions: 1 } }])
    expect(documents.map((document) => document.embedding)).toEqual([[27], null, [3]])
    expect(semanticText(row("x", "Oak table", "Seats six") as any, ["title", "description"])).toBe("Oak table\nSeats six")
  })
})
