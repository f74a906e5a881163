import type { StrapiModuleService } from "../../modules/strapi"
import type { RecordedPush } from "../../modules/strapi/types"
import type { StrapiClient } from "../client"
import { catalogueDocument, catalogueHash, changedDocuments } from "../documents"
import { resolveStrapiSyncOptions } from "../options"
import { pushDocuments } from "../push"

const shirt = { medusa_id: "prod_1", handle: "shirt", title: "Shirt" }

describe("catalogueDocument", () => {
  it("takes handle and title, and a category's name as its title", () => {
    expect(catalogueDocument("product", { id: "prod_1", handle: "shirt", title: "Shirt", description: "ignored" })).toEqual(shirt)
    expect(catalogueDocument("category", { id: "pcat_1", handle: "tops", name: "Tops" })).toEqual({ medusa_id: "pcat_1", handle: "tops", title: "Tops" })
    expect(catalogueDocument("collection", { id: "pcol_1", handle: "summer", title: "Summer" })).toEqual({ medusa_id: "pcol_1", handle: "summer", title: "Summer" })
  })
})

describe("catalogueHash", () => {
  it("is a sha256 hex digest that only the Medusa-owned fields change", () => {
    expect(catalogueHash(shirt)).toMatch(/^[0-9a-f]{64}$/)
    expect(catalogueHash({ title: "Shirt", handle: "shirt", medusa_id: "prod_1" })).toBe(catalogueHash(shirt))
    expect(catalogueHash({ ...shirt, title: "Linen shirt" })).not.toBe(catalogueHash(shirt))
    expect(catalogueHash({ ...shirt, handle: "linen-shirt" })).not.toBe(catalogueHash(shirt))
    // Field boundaries count: "a" + "bc" is not "ab" + "c".
    expect(catalogueHash({ ...shirt, handle: "a", title: "bc" })).not.toBe(catalogueHash({ ...shirt, handle: "ab", title: "c" }))
  })
})

describe("changedDocuments", () => {
  it("keeps documents never pushed or pushed with another hash", () => {
    const pushed = new Map([["prod_1", catalogueHash(shirt)], ["prod_2", "old-hash"], ["prod_3", null]])
    const documents = [shirt, { ...shirt, medusa_id: "prod_2" }, { ...shirt, medusa_id: "prod_3" }, { ...shirt, medusa_id: "prod_4" }]
    expect(changedDocuments(documents, pushed).map((d) => d.medusa_id)).toEqual(["prod_2", "prod_3", "prod_4"])
  })
})

/** A Strapi that records every catalogue write, and a module that remembers pushed hashes in memory. */
function fakes() {
  const writes: { entity: string; ids: string[] }[] = []
  const hashes = new Map<string, string>()
  const recorded: RecordedPush[] = []
  const client = {
    upsert: async (entity: string, documents: { medusa_id: string }[]) => {
      writes.push({ entity, ids: documents.map((d) => d.medusa_id) })
      return documents.map((d) => ({ medusa_id: d.medusa_id, document_id: `doc-${d.medusa_id}`, created: true, changed: true }))
    },
  } as unknown as StrapiClient
  const strapi = {
    pushedHashes: async (_entity: string, ids: string[]) => new Map(ids.filter((id) => hashes.has(id)).map((id) => [id, hashes.get(id)!])),
    recordPushes: async (_entity: string, pushes: RecordedPush[]) => {
      pushes.forEach((push) => hashes.set(push.entity_id, push.catalogue_hash))
      recorded.push(...pushes)
    },
  } as unknown as StrapiModuleService
  return { client, strapi, writes, recorded }
}

describe("pushDocuments", () => {
  const products = (count: number, title = "Shirt") =>
    Array.from({ length: count }, (_, i) => ({ medusa_id: `prod_${String(i).padStart(3, "0")}`, handle: `shirt-${i}`, title }))

  it("writes in batches of at most batchSize and records each document's hash and Strapi id", async () => {
    const { client, strapi, writes, recorded } = fakes()
    const outcome = await pushDocuments({ client, strapi, batchSize: 100 }, "product", products(250))
    expect(outcome).toEqual({ written: 250, skipped: 0 })
    expect(writes.map((write) => write.ids.length)).toEqual([100, 100, 50])
    expect(recorded[0]).toEqual({ entity_id: "prod_000", catalogue_hash: catalogueHash(products(1)[0]), strapi_document_id: "doc-prod_000" })
  })

  it("writes nothing when the catalogue fields are unchanged since the last push", async () => {
    const { client, strapi, writes } = fakes()
    await pushDocuments({ client, strapi, batchSize: 100 }, "product", products(3))
    writes.length = 0
    expect(await pushDocuments({ client, strapi, batchSize: 100 }, "product", products(3))).toEqual({ written: 0, skipped: 3 })
    expect(writes).toEqual([])
  })

  it("writes only the documents whose handle or title changed", async () => {
    const { client, strapi, writes } = fakes()
    await pushDocuments({ client, strapi, batchSize: 100 }, "product", products(3))
    writes.length = 0
    const next = products(3)
    next[1] = { ...next[1], title: "Linen shirt" }
    expect(await pushDocuments({ client, strapi, batchSize: 100 }, "product", next)).toEqual({ written: 1, skipped: 2 })
    expect(writes).toEqual([{ entity: "product", ids: ["prod_001"] }])
  })

  it("writes unchanged documents too when forced", async () => {
    const { client, strapi, writes } = fakes()
    await pushDocuments({ client, strapi, batchSize: 100 }, "product", products(2))
    writes.length = 0
    expect(await pushDocuments({ client, strapi, batchSize: 100 }, "product", products(2), true)).toEqual({ written: 2, skipped: 0 })
    expect(writes).toHaveLength(1)
  })

  it("keeps the hashes of batches Strapi accepted before one failed, so a retry writes only the rest", async () => {
    const { client, strapi, writes } = fakes()
    let calls = 0
    const upsert = client.upsert.bind(client)
    client.upsert = async (entity, documents) => {
      if (++calls === 2) throw new Error("Strapi answered HTTP 503")
      return upsert(entity, documents)
    }
    await expect(pushDocuments({ client, strapi, batchSize: 2 }, "product", products(4))).rejects.toThrow("HTTP 503")
    writes.length = 0
    expect(await pushDocuments({ client, strapi, batchSize: 2 }, "product", products(4))).toEqual({ written: 2, skipped: 2 })
    expect(writes).toEqual([{ entity: "product", ids: ["prod_002", "prod_003"] }])
  })
})

describe("resolveStrapiSyncOptions", () => {
  it("retries a push 8 times from 2 s, writes 100 documents per request and reads 200 per page by default", () => {
    expect(resolveStrapiSyncOptions()).toEqual({ attempts: 8, backoffMs: 2000, concurrency: 2, batchSize: 100, pageSize: 200, requestTimeoutMs: 15_000 })
  })

  it("names a bad option", () => {
    expect(() => resolveStrapiSyncOptions({ attempts: 0 })).toThrow("strapi.attempts must be a positive integer")
    expect(() => resolveStrapiSyncOptions({ backoffMs: -1 })).toThrow("strapi.backoffMs must not be negative")
    expect(() => resolveStrapiSyncOptions({ batchSize: 101 })).toThrow("strapi.batchSize must be at most 100")
    expect(() => resolveStrapiSyncOptions({ pageSize: 1.5 })).toThrow("strapi.pageSize must be a positive integer")
  })
})
