import { MedusaError } from "@medusajs/framework/utils"
import { ContractContext, ids, rejection, search } from "./harness"

// Titles only are embedded (contract-index.ts); the fixture embedder maps "jumper" and "pullover" onto "sweater",
// so p3 "Wool sweater" is the one product close to them, and no title contains either word.

/** Hybrid and vector search: `search_options.vector` with a query text and a semantic ratio. */
export function semanticCases(ctx: ContractContext) {
  const semantic = (q: string | undefined, ratio: number, extra: Record<string, any> = {}) =>
    search(ctx, { ...(q ? { filters: { q, ...extra.filters } } : { filters: extra.filters }), search_options: { vector: { query: "jumper", semantic_ratio: ratio }, ...extra.options } })

  it("ranks the semantically close product first where keyword search finds nothing", async () => {
    expect(ids(await search(ctx, { filters: { q: "jumper" } }))).toEqual([])
    const hybrid = await semantic("jumper", 0.8)
    expect(ids(hybrid)[0]).toBe("p3")
    expect(hybrid.hits[0].document).not.toHaveProperty("embedding")
    expect(ids(await semantic(undefined, 1))[0]).toBe("p3")
  })

  it("keeps keyword matches on top at a low semantic ratio", async () => {
    const result = await search(ctx, { filters: { q: "jacket" }, search_options: { vector: { query: "jumper", semantic_ratio: 0.1 } } })
    expect(ids(result).slice(0, 2).sort()).toEqual(["p4", "p5"])
  })

  it("applies the filters to the vector half and pages the ranking", async () => {
    const inStock = await semantic(undefined, 1, { filters: { in_stock: true } })
    expect(ids(inStock)).not.toContain("p3")
    expect(ids(inStock).length).toBeGreaterThan(0)
    const all = ids(await semantic(undefined, 1, { options: {} }))
    const second = await search(ctx, { pagination: { skip: 1, take: 2 }, search_options: { vector: { query: "jumper", semantic_ratio: 1 } } })
    expect(ids(second)).toEqual(all.slice(1, 3))
  })

  it("rejects a semantic ratio outside 0…1 and a vector of the wrong size", async () => {
    const ratio = await rejection(semantic("jumper", 1.5))
    expect(ratio.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(ratio.message).toContain("semantic_ratio")
    const size = await rejection(search(ctx, { search_options: { vector: { value: [1, 0, 0] } } }))
    expect(size.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(size.message).toContain("dimensions")
  })
}
