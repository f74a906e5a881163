import { batchesByBytes, fromEngineDocument, toEngineDocument } from "../documents"

describe("Meilisearch documents", () => {
  it("stores dates as epoch milliseconds, nested in arrays too, and hands them back as ISO strings", () => {
    const document = { id: "p1", created_at: "2026-11-22T10:00:00.000Z", variants: [{ sku: "a", updated_at: new Date("2026-11-21T00:00:00Z") }], title: "x" }
    const stored = toEngineDocument(document, ["created_at", "variants.updated_at"])
    expect(stored).toEqual({ id: "p1", created_at: 1795341600000, variants: [{ sku: "a", updated_at: 1795219200000 }], title: "x" })
    expect(fromEngineDocument(stored, ["created_at", "variants.updated_at"])).toEqual({
      ...document,
      variants: [{ sku: "a", updated_at: "2026-11-21T00:00:00.000Z" }],
    })
    expect(toEngineDocument({ id: "p2", created_at: null } as any, ["created_at"])).toEqual({ id: "p2", created_at: null })
  })

  it("splits writes so each batch's JSON stays under the limit", () => {
    const documents = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, body: "x".repeat(90) }))
    const batches = batchesByBytes(documents, 350)
    expect(batches.flat()).toEqual(documents)
    expect(batches.length).toBeGreaterThan(3)
    for (const batch of batches) expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(350)
    expect(batchesByBytes([{ id: "big", body: "x".repeat(1000) }], 100)).toHaveLength(1)
  })
})
