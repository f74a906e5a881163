import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { CATEGORY_SYNC_EVENT, COLLECTION_SYNC_EVENT, PRODUCT_SYNC_EVENT } from "../../search-indexes/sync-event"
import { affectedCategoryIds, affectedCollectionIds } from "../affected-catalogue"
import { SEARCH_SYNC_EVENTS } from "../events"
import { keptIndexes, keptProductIndexes } from "../kept-indexes"
import { queueCatalogueReindex } from "../queue-reindex"
import { runSearchSyncJob } from "../sync-job"

const definitions = [
  { name: "product", events: [PRODUCT_SYNC_EVENT] },
  { name: "product_de_de", events: [PRODUCT_SYNC_EVENT], commerce_bridge: { entity: "product", locale: "de-DE", base: "product" } },
  { name: "category", events: [CATEGORY_SYNC_EVENT], commerce_bridge: { entity: "category" } },
  { name: "collection", events: [COLLECTION_SYNC_EVENT] },
  { name: "order", events: ["order.placed"] },
]

afterEach(() => jest.restoreAllMocks())

describe("keptIndexes", () => {
  it("finds the indexes of every entity by the sync event they consume, with their locale", () => {
    jest.spyOn(MedusaModule, "getSearchIndexes").mockReturnValue(definitions as any)
    expect(keptIndexes()).toEqual([
      { name: "product", entity: "product" },
      { name: "product_de_de", entity: "product", locale: "de-DE", base: "product" },
      { name: "category", entity: "category" },
      { name: "collection", entity: "collection" },
    ])
    expect(keptIndexes("category").map((index) => index.name)).toEqual(["category"])
    expect(keptProductIndexes()).toEqual(["product", "product_de_de"])
  })
})

describe("SEARCH_SYNC_EVENTS", () => {
  it("includes category and collection creation, once each", () => {
    expect(SEARCH_SYNC_EVENTS).toEqual(expect.arrayContaining(["product-category.created", "product-collection.created", "product-category.updated"]))
    expect(new Set(SEARCH_SYNC_EVENTS).size).toBe(SEARCH_SYNC_EVENTS.length)
  })
})

/** A query whose translation rows are `translations`, and a search whose category documents name `below` under each ancestor. */
function context(translations: { id: string; reference: string; reference_id: string }[] = [], below: Record<string, string[]> = {}) {
  const query = { graph: jest.fn(async ({ filters }: any) => ({ data: translations.filter((row) => filters.id.includes(row.id)) })) }
  const search = {
    search: jest.fn(async ({ filters }: any) => ({ hits: filters.ancestor_ids.$overlaps.flatMap((id: string) => below[id] ?? []).map((id: string) => ({ id })) })),
    ingest: jest.fn(async () => []),
  }
  return { query: query as any, search: search as any, indexes: ["category"] }
}

describe("affectedCategoryIds", () => {
  it("rewrites a changed category and every category whose path names it", async () => {
    const ctx = context([], { pcat_knitwear: ["pcat_cardigans", "pcat_jumpers"] })
    expect(await affectedCategoryIds("product-category.updated", { id: "pcat_knitwear" }, ctx)).toEqual(["pcat_knitwear", "pcat_cardigans", "pcat_jumpers"])
    expect(ctx.search.search).toHaveBeenCalledWith(expect.objectContaining({ entity: "category", filters: { ancestor_ids: { $overlaps: ["pcat_knitwear"] } } }))
  })

  it("follows a category's translation, and ignores the product events", async () => {
    const ctx = context([
      { id: "trans_1", reference: "product_category", reference_id: "pcat_knitwear" },
      { id: "trans_2", reference: "product", reference_id: "prod_1" },
    ])
    expect(await affectedCategoryIds("translation.updated", { id: ["trans_1", "trans_2"] }, ctx)).toEqual(["pcat_knitwear"])
    expect(await affectedCategoryIds("product.updated", { id: "prod_1" }, ctx)).toEqual([])
    expect(await affectedCategoryIds("product-collection.updated", { id: "pcol_1" }, ctx)).toEqual([])
  })
})

describe("affectedCollectionIds", () => {
  it("rewrites a changed or translated collection", async () => {
    const ctx = context([{ id: "trans_3", reference: "product_collection", reference_id: "pcol_winter" }])
    expect(await affectedCollectionIds("product-collection.created", { id: "pcol_new" }, ctx)).toEqual(["pcol_new"])
    expect(await affectedCollectionIds("translation.created", { id: "trans_3" }, ctx)).toEqual(["pcol_winter"])
    expect(await affectedCollectionIds("product-category.updated", { id: "pcat_1" }, ctx)).toEqual([])
  })
})

describe("runSearchSyncJob", () => {
  it("hands a category change to the category indexes only, when the store keeps no product index of ours", async () => {
    jest.spyOn(MedusaModule, "getSearchIndexes").mockReturnValue([definitions[2]] as any)
    const ctx = context()
    const container = { resolve: (key: string) => (key === "query" ? ctx.query : ctx.search) }
    const job = { data: { event: "product-category.deleted", data: { id: "pcat_gone" } } }
    expect(await runSearchSyncJob(container as any, job as any, 200)).toBe(1)
    expect(ctx.search.ingest).toHaveBeenCalledTimes(1)
    expect(ctx.search.ingest).toHaveBeenCalledWith({ name: CATEGORY_SYNC_EVENT, data: { ids: ["pcat_gone"] } })
  })

  it("writes the category indexes even when the product indexes fail, then fails the job so the queue retries it", async () => {
    jest.spyOn(MedusaModule, "getSearchIndexes").mockReturnValue(definitions as any)
    const ctx = context()
    ctx.search.search.mockRejectedValueOnce(new Error("index product is not ready"))
    ctx.query.graph.mockResolvedValueOnce({ data: [{ products: [{ id: "prod_1" }] }] })
    const container = { resolve: (key: string) => (key === "query" ? ctx.query : ctx.search) }
    const job = { data: { event: "product-category.updated", data: { id: "pcat_1" } } }
    await expect(runSearchSyncJob(container as any, job as any, 200)).rejects.toThrow("index product is not ready")
    expect(ctx.search.ingest).toHaveBeenCalledWith({ name: CATEGORY_SYNC_EVENT, data: { ids: ["pcat_1"] } })
    expect(ctx.search.ingest).not.toHaveBeenCalledWith(expect.objectContaining({ name: PRODUCT_SYNC_EVENT }))
  })
})

describe("queueCatalogueReindex", () => {
  it("queues each entity's reindex event, which reaches only that entity's indexes", async () => {
    const queueEvent = jest.fn(async () => "job_1")
    const container = { resolve: () => ({ queueEvent }) }
    expect(await queueCatalogueReindex(container as any, "category", ["pcat_1"])).toBe("job_1")
    await queueCatalogueReindex(container as any, "collection", ["pcol_1"])
    expect(queueEvent.mock.calls).toEqual([
      ["commerce-bridge.search.reindex-categories", { ids: ["pcat_1"] }],
      ["commerce-bridge.search.reindex-collections", { ids: ["pcol_1"] }],
    ])
    const ctx = context()
    expect(await affectedCategoryIds("commerce-bridge.search.reindex-categories", { ids: ["pcat_1"] }, ctx)).toEqual(["pcat_1"])
    expect(await affectedCollectionIds("commerce-bridge.search.reindex-categories", { ids: ["pcat_1"] }, ctx)).toEqual([])
  })
})
