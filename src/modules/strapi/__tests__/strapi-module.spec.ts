import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { STRAPI_MODULE } from ".."
import type StrapiModuleService from "../service"
import type { ReceivedContent } from "../types"

jest.setTimeout(60 * 1000)

const received = (overrides: Partial<ReceivedContent> = {}): ReceivedContent => ({
  entity: "product",
  entity_id: "prod_1",
  strapi_document_id: "doc-1",
  locale: "en",
  published_at: new Date("2026-11-22T10:00:00.000Z"),
  content_hash: "a".repeat(64),
  description: "Soft linen.",
  seo_title: "Linen shirt",
  seo_description: null,
  gallery: [{ url: "https://cdn.example.com/a.jpg", alternative_text: "Front", width: 800, height: 600 }],
  sections: [{ heading: "Care", body: "Wash cold." }],
  ...overrides,
})

moduleIntegrationTestRunner<StrapiModuleService>({
  moduleName: STRAPI_MODULE,
  resolve: "./src/modules/strapi",
  testSuite: ({ service }) => {
    it("stores received content once per content hash", async () => {
      expect((await service.storeReceivedContent(received())).stored).toBe(true)
      const again = await service.storeReceivedContent(received({ seo_title: "ignored: same hash" }))
      expect(again).toMatchObject({ stored: false, content: { seo_title: "Linen shirt" } })
      const changed = await service.storeReceivedContent(received({ content_hash: "b".repeat(64), seo_title: "New" }))
      expect(changed.stored).toBe(true)
      expect(await service.contentOf("product", "prod_1")).toMatchObject({
        seo_title: "New",
        gallery: [{ url: "https://cdn.example.com/a.jpg", alternative_text: "Front", width: 800, height: 600 }],
        received_at: expect.any(Date),
      })
      expect(await service.listCmsContents({ entity_id: "prod_1" })).toHaveLength(1)
    })

    it("keeps pushes and received content in one row per entry, and forgets deleted entries", async () => {
      await service.recordPushes("product", [{ entity_id: "prod_1", catalogue_hash: "h1", strapi_document_id: "doc-1" }])
      await service.storeReceivedContent(received())
      await service.recordPushes("product", [
        { entity_id: "prod_1", catalogue_hash: "h2", strapi_document_id: null },
        { entity_id: "prod_2", catalogue_hash: "h3", strapi_document_id: "doc-2" },
      ])
      expect(await service.contentOf("product", "prod_1")).toMatchObject({
        catalogue_hash: "h2",
        strapi_document_id: "doc-1",
        seo_title: "Linen shirt",
        pushed_at: expect.any(Date),
      })
      expect(await service.pushedHashes("product", ["prod_1", "prod_2", "prod_3"])).toEqual(new Map([["prod_1", "h2"], ["prod_2", "h3"]]))
      expect(await service.pushedHashes("category", ["prod_1"])).toEqual(new Map())
      await service.forgetEntries("product", ["prod_1"])
      expect(await service.contentOf("product", "prod_1")).toBeUndefined()
      expect(await service.contentOf("product", "prod_2")).toBeDefined()
    })

    it("withdraws received content: keeps the push record of an unpublished entry, forgets a deleted one, and only once", async () => {
      const emptied = { description: null, seo_title: null, gallery: null, sections: null, content_hash: null, published_at: null, received_at: null }
      await service.recordPushes("product", [{ entity_id: "prod_1", catalogue_hash: "h1", strapi_document_id: "doc-1" }])
      await service.storeReceivedContent(received())
      const unpublished = { strapiDocumentId: "doc-1", entryDeleted: false }
      expect(await service.withdrawContent("product", "prod_1", unpublished)).toEqual({ removed: true })
      expect(await service.contentOf("product", "prod_1")).toMatchObject({ ...emptied, catalogue_hash: "h1", strapi_document_id: "doc-1" })
      expect(await service.withdrawContent("product", "prod_1", unpublished)).toEqual({ removed: false })
      // Republishing the same content stores it again: the withdrawn hash is no longer held.
      expect((await service.storeReceivedContent(received())).stored).toBe(true)

      // Another Strapi entry's withdrawal leaves this content alone.
      expect(await service.withdrawContent("product", "prod_1", { strapiDocumentId: "doc-other", entryDeleted: true })).toEqual({ removed: false })
      expect((await service.contentOf("product", "prod_1"))?.seo_title).toBe("Linen shirt")
      expect(await service.withdrawContent("product", "prod_1", { strapiDocumentId: "doc-1", entryDeleted: true })).toEqual({ removed: true })
      expect(await service.contentOf("product", "prod_1")).toBeUndefined()
      expect(await service.withdrawContent("product", "prod_1", { strapiDocumentId: "doc-1", entryDeleted: true })).toEqual({ removed: false })

      // Content without a push record leaves no empty row behind.
      await service.storeReceivedContent(received({ entity: "category", entity_id: "pcat_1", gallery: null, sections: null }))
      expect(await service.withdrawContent("category", "pcat_1", { strapiDocumentId: "doc-1", entryDeleted: false })).toEqual({ removed: true })
      expect(await service.contentOf("category", "pcat_1")).toBeUndefined()
    })

    it("keeps one running run: a second start, even a concurrent one, gets the first", async () => {
      const [first, second] = await Promise.all([
        service.createRun({ entities: ["product"], total: 3 }),
        service.createRun({ entities: ["category"], total: 1 }),
      ])
      expect([first.created, second.created].sort()).toEqual([false, true])
      expect(first.run.id).toBe(second.run.id)
      expect(first.run).toMatchObject({ status: "running", current_entity: first.run.entities[0], cursor: null, done: 0 })

      await service.updateRun(first.run.id, { status: "failed", error: "Strapi answered HTTP 503", finished_at: new Date() })
      const next = await service.createRun({ entities: ["collection"], total: 0 })
      expect(next.created).toBe(true)
      expect(next.run.id).not.toBe(first.run.id)
      await expect(service.updateRun(first.run.id, { status: "running" })).rejects.toThrow()
      await expect(service.retrieveRun("cbsync_missing")).rejects.toThrow("Catalogue sync cbsync_missing was not found")
    })
  },
})
