import { MedusaError } from "@medusajs/framework/utils"
import { catalogue, contractDocuments, INDEX } from "./contract-index"
import { ContractContext, idSet, ids, rejection, remainingIndexes, search, settled } from "./harness"

const count = async (ctx: ContractContext) => (await search(ctx, { search_options: { count: "exact" } })).metadata.count

/** Indexing, replacing, deleting, clearing, reindexing and dropping, all through the Search Module. */
export function writeCases(ctx: ContractContext) {
  it("migrates the definition and seeds it the way the app boots, then serves every stored field", async () => {
    expect(ctx.firstPlan).toEqual([expect.objectContaining({ action: "create", index: INDEX, physical_name: `${INDEX}_v1`, version: 1 })])
    expect(await ctx.service.createIndexMigrationPlan()).toEqual([expect.objectContaining({ action: "noop", physical_name: `${INDEX}_v1` })])
    const [listed] = await ctx.service.listIndexes()
    expect(listed).toMatchObject({ name: INDEX, status: "ready" })
    expect(listed.fields.map((field) => field.name)).toEqual(expect.arrayContaining(["variants.sku", "translations.de.title"]))

    const all = await search(ctx, { pagination: { take: 10 }, search_options: { count: "exact" } })
    expect(all.metadata.count).toBe(6)
    expect(idSet(all)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6"])
    const p1 = all.hits.find((hit) => hit.id === "p1")!.document as Record<string, any>
    expect(p1).toMatchObject({ title: "Linen shirt", price: 39.5, in_stock: true, categories: ["shirts", "summer"], variants: [{ sku: "LIN-S" }, { sku: "LIN-M" }] })
    expect(Date.parse(p1.created_at)).toBe(Date.UTC(2026, 10, 1))

    const projected = await search(ctx, { fields: ["id", "title"], filters: { id: "p4" } })
    expect(projected.hits).toEqual([{ id: "p4", document: expect.objectContaining({ title: "Rain jacket" }) }])
    expect(projected.hits[0].document).not.toHaveProperty("price")
  })

  it("upserts: a document under an existing id replaces it, a new id adds one", async () => {
    const [p1] = contractDocuments()
    const added = { ...p1, id: "p7", handle: "p7", title: "Silk scarf", categories: ["accessories"], variants: [{ sku: "SILK-1" }] }
    const replaced = { ...p1, title: "Linen overshirt", price: 45 }
    await settled(ctx, ctx.service.upsertDocuments({ index: INDEX, documents: [replaced, added] }))

    expect(await count(ctx)).toBe(7)
    expect((await search(ctx, { filters: { id: "p1" } })).hits[0].document).toMatchObject({ title: "Linen overshirt", price: 45 })
    expect(ids(await search(ctx, { filters: { q: "overshirt" } }))).toEqual(["p1"])
    expect(ids(await search(ctx, { filters: { q: "scarf" } }))).toEqual(["p7"])
  })

  it("deletes documents by id", async () => {
    await settled(ctx, ctx.service.deleteDocuments({ index: INDEX, filters: { id: ["p1", "p2"] } }))
    expect(await count(ctx)).toBe(4)
    expect(idSet(await search(ctx, { filters: { q: "shirt" } }))).toEqual(["p6"])

    await settled(ctx, ctx.service.deleteDocuments({ index: INDEX, filters: { id: "p6" } }))
    expect(idSet(await search(ctx))).toEqual(["p3", "p4", "p5"])
  })

  it("deletes documents by filter, and refuses a delete without one", async () => {
    await settled(ctx, ctx.service.deleteDocuments({ index: INDEX, filters: { categories: "jackets" } }))
    expect(idSet(await search(ctx))).toEqual(["p1", "p2", "p3", "p6"])

    await settled(ctx, ctx.service.deleteDocuments({ index: INDEX, filters: { $and: [{ in_stock: false }, { price: { $lt: 50 } }] } }))
    expect(idSet(await search(ctx))).toEqual(["p1", "p2", "p3"])

    const refused = await rejection(ctx.service.deleteDocuments({ index: INDEX, filters: {} }))
    expect(refused.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(await count(ctx)).toBe(3)
  })

  it("clears the index through an in-place reindex of an empty catalogue, and refills it the same way", async () => {
    catalogue.documents = []
    await ctx.service.reindex({ index: INDEX, strategy: "in_place" })
    expect(await count(ctx)).toBe(0)
    expect((await ctx.service.listIndexes())[0].status).toBe("ready")

    catalogue.documents = contractDocuments().slice(0, 2)
    await ctx.service.reindex({ index: INDEX, strategy: "in_place" })
    expect(idSet(await search(ctx))).toEqual(["p1", "p2"])
  })

  it("reindexes into a new version and swaps it in; the next migration drops the old one", async () => {
    catalogue.documents = contractDocuments().filter((product) => product.in_stock)
    await ctx.service.reindex({ index: INDEX })
    expect(idSet(await search(ctx))).toEqual(["p1", "p2", "p4", "p5"])
    // The version that served reads until the swap stays for processes whose cache still points at it.
    expect(await remainingIndexes(ctx, [`${INDEX}_v1`, `${INDEX}_v2`])).toEqual([`${INDEX}_v1`, `${INDEX}_v2`])

    const plan = await ctx.service.createIndexMigrationPlan()
    expect(plan).toEqual([expect.objectContaining({ action: "noop", physical_name: `${INDEX}_v2` })])
    await ctx.service.executeIndexMigrationPlan(plan)
    expect(await remainingIndexes(ctx, [`${INDEX}_v2`])).toEqual([`${INDEX}_v2`])
  })

  it("deletes the index: every physical version goes, and searching it then fails as not found", async () => {
    expect(await ctx.service.deleteIndex(INDEX)).toEqual({ index: INDEX, deleted_versions: 1 })
    expect(await remainingIndexes(ctx, [])).toEqual([])
    expect((await rejection(search(ctx))).type).toBe(MedusaError.Types.NOT_FOUND)
    expect(await ctx.service.createIndexMigrationPlan()).toEqual([expect.objectContaining({ action: "create", version: 1 })])
  })

  it("answers several queries in one searchMany call, each result in its query's place", async () => {
    const [shirts, jackets, facets] = await ctx.service.searchMany([
      { entity: INDEX, filters: { q: "shirt" } },
      { entity: INDEX, filters: { categories: "jackets" }, pagination: { order: { price: "ASC" } } },
      { entity: INDEX, pagination: { take: 0 }, search_options: { facets: ["in_stock"], count: "exact" } },
    ])
    expect(idSet(shirts)).toEqual(["p1", "p2", "p6"])
    expect(ids(jackets)).toEqual(["p5", "p4"])
    expect(facets.hits).toEqual([])
    expect(facets.metadata.count).toBe(6)
    expect(facets.facets!.in_stock).toMatchObject({ type: "value", values: expect.arrayContaining([{ value: "true", count: 4 }, { value: "false", count: 2 }]) })
  })
}
