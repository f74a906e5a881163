import { container as applicationContainer } from "@medusajs/framework"
import type { Logger } from "@medusajs/framework/types"
import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { StrapiEntity } from "../../strapi-sync/entities"
import { CATALOGUE_PAGE_JOB, CataloguePageJobData, pushJobName, StrapiPushJobData } from "../../strapi-sync/jobs"
import { resolveStrapiSyncOptions, ResolvedStrapiSyncOptions, STRAPI_SYNC_QUEUE, strapiSyncRetryOptions } from "../../strapi-sync/options"
import { startStrapiSyncWorker } from "../../strapi-sync/worker"
import type { CommerceBridgeOptions } from "../bridge/types"
import { QUEUE_MODULE } from "../queue"
import type QueueModuleService from "../queue/service"
import { CmsContent } from "./models/cms-content"
import { StrapiSyncRun } from "./models/strapi-sync-run"
import type { CmsContentRecord, ReceivedContent, RecordedPush, SyncRunRecord } from "./types"

/** Every field Strapi's content fills, as an entry never published holds them. */
const WITHDRAWN_CONTENT = {
  locale: null,
  description: null,
  seo_title: null,
  seo_description: null,
  gallery: null,
  sections: null,
  content_hash: null,
  published_at: null,
  received_at: null,
} satisfies Partial<CmsContentRecord>

/**
 * Strapi's content of catalogue entries, what Medusa last pushed to Strapi, and full-sync runs.
 * Its worker pushes catalogue changes and full-sync pages through the `strapi-sync` queue.
 */
export default class StrapiModuleService extends MedusaService({ CmsContent, StrapiSyncRun }) {
  readonly settings: ResolvedStrapiSyncOptions
  private readonly logger: Logger

  constructor(container: { logger: Logger } & Record<string, unknown>, options: CommerceBridgeOptions = {}) {
    super(...arguments)
    this.logger = container.logger
    this.settings = resolveStrapiSyncOptions(options.strapi)
  }

  __hooks = {
    // Pushes span modules (queue, bridge, query, this one): registered with the application's container.
    onApplicationStart: async () => {
      try {
        await startStrapiSyncWorker(applicationContainer, this.settings, this.logger)
      } catch (error) {
        this.logger.error(`CommerceBridge Strapi: could not start the strapi-sync worker: ${(error as Error).message}`)
      }
    },
  }

  /** Queues a push of these entries to Strapi; `force` pushes entries whose catalogue fields did not change. */
  async queuePush(data: StrapiPushJobData): Promise<string> {
    const { id } = await this.queues().push(STRAPI_SYNC_QUEUE, pushJobName(data), data, strapiSyncRetryOptions(this.settings))
    return id
  }

  /** Queues the page of a full sync at the run's cursor; keyed by position, so the same page is queued once. */
  async queueCataloguePage(run: Pick<SyncRunRecord, "id" | "current_entity" | "cursor">): Promise<string> {
    const data: CataloguePageJobData = { run_id: run.id, entity: run.current_entity!, cursor: run.cursor }
    const { id } = await this.queues().push(STRAPI_SYNC_QUEUE, CATALOGUE_PAGE_JOB, data, {
      ...strapiSyncRetryOptions(this.settings),
      jobId: `${run.id}:${run.current_entity}:${run.cursor ?? "start"}`,
    })
    return id
  }

  async contentOf(entity: StrapiEntity, entityId: string): Promise<CmsContentRecord | undefined> {
    const [row] = await this.listCmsContents({ entity, entity_id: entityId }, { take: 1 })
    return row as unknown as CmsContentRecord | undefined
  }

  /** Stores what Strapi sent; `stored` is false when its content hash is the one already held. */
  async storeReceivedContent(input: ReceivedContent): Promise<{ stored: boolean; content: CmsContentRecord }> {
    const { entity_id, ...fields } = input
    const existing = await this.contentOf(input.entity, entity_id)
    if (existing?.content_hash === input.content_hash) return { stored: false, content: existing }
    const content = await this.saveContent(existing, { ...fields, entity_id, received_at: new Date() })
    return { stored: true, content }
  }

  /**
   * Stops serving what Strapi sent of an entry its editor unpublished or deleted: the row then reads as one
   * never published. Medusa's record of its pushes stays for an unpublished entry (Strapi still holds it);
   * a deleted entry's row goes entirely, so the next push creates the entry again. Content received from
   * another Strapi entry than `strapiDocumentId` stays. `removed` is false when no content was held.
   */
  async withdrawContent(
    entity: StrapiEntity,
    entityId: string,
    { strapiDocumentId, entryDeleted }: { strapiDocumentId: string; entryDeleted: boolean }
  ): Promise<{ removed: boolean }> {
    const row = await this.contentOf(entity, entityId)
    if (!row || (row.strapi_document_id && row.strapi_document_id !== strapiDocumentId)) return { removed: false }
    const removed = row.content_hash !== null
    if (entryDeleted || !row.catalogue_hash) await this.deleteCmsContents(row.id)
    else if (removed) await this.updateCmsContents({ id: row.id, ...WITHDRAWN_CONTENT } as any)
    return { removed }
  }

  /** The catalogue hash last pushed of each id (null: a row without a push). */
  async pushedHashes(entity: StrapiEntity, ids: string[]): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map()
    const rows = (await this.listCmsContents({ entity, entity_id: ids }, { take: null })) as unknown as CmsContentRecord[]
    return new Map(rows.map((row) => [row.entity_id, row.catalogue_hash]))
  }

  async recordPushes(entity: StrapiEntity, pushes: RecordedPush[]): Promise<void> {
    if (!pushes.length) return
    const rows = (await this.listCmsContents({ entity, entity_id: pushes.map((push) => push.entity_id) }, { take: null, select: ["id", "entity_id"] })) as unknown as CmsContentRecord[]
    const idOf = new Map(rows.map((row) => [row.entity_id, row.id]))
    const pushed_at = new Date()
    const records = pushes.map((push) => ({
      entity,
      entity_id: push.entity_id,
      catalogue_hash: push.catalogue_hash,
      pushed_at,
      // Strapi's answer wins over an id received earlier: it is the entry the write reached.
      ...(push.strapi_document_id ? { strapi_document_id: push.strapi_document_id } : {}),
    }))
    // One statement per kind for the whole batch: a full sync records thousands of pushes.
    const updates = records.filter((record) => idOf.has(record.entity_id)).map((record) => ({ id: idOf.get(record.entity_id)!, ...record }))
    const creates = records.filter((record) => !idOf.has(record.entity_id))
    if (updates.length) await this.updateCmsContents(updates as any)
    if (!creates.length) return
    try {
      await this.createCmsContents(creates as any)
    } catch {
      // A concurrent request created some of these rows first: record them one by one.
      for (const record of creates) await this.saveContent(await this.contentOf(entity, record.entity_id), record)
    }
  }

  /** Forgets entries deleted from the catalogue (and from Strapi). */
  async forgetEntries(entity: StrapiEntity, ids: string[]): Promise<void> {
    if (!ids.length) return
    const rows = await this.listCmsContents({ entity, entity_id: ids }, { take: null, select: ["id"] })
    if (rows.length) await this.deleteCmsContents(rows.map((row) => row.id))
  }

  async runningRun(): Promise<SyncRunRecord | undefined> {
    const [run] = await this.listStrapiSyncRuns({ status: "running" }, { take: 1 })
    return run as unknown as SyncRunRecord | undefined
  }

  /** Records a new running run, or returns the one already running (`created: false`). */
  async createRun(data: Pick<SyncRunRecord, "entities" | "total">): Promise<{ run: SyncRunRecord; created: boolean }> {
    const running = await this.runningRun()
    if (running) return { run: running, created: false }
    try {
      const run = await this.createStrapiSyncRuns({
        ...data,
        status: "running",
        current_entity: data.entities[0],
        cursor: null,
        started_at: new Date(),
      } as any)
      return { run: run as unknown as SyncRunRecord, created: true }
    } catch (error) {
      // Another start won the unique index on running runs.
      const winner = await this.runningRun()
      if (!winner) throw error
      return { run: winner, created: false }
    }
  }

  async retrieveRun(id: string): Promise<SyncRunRecord> {
    const [run] = await this.listStrapiSyncRuns({ id }, { take: 1 })
    if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Catalogue sync ${id} was not found`)
    return run as unknown as SyncRunRecord
  }

  async updateRun(id: string, data: Partial<Omit<SyncRunRecord, "id">>): Promise<SyncRunRecord> {
    await this.updateStrapiSyncRuns({ id, ...data } as any)
    return this.retrieveRun(id)
  }

  private async saveContent(row: CmsContentRecord | undefined, data: Partial<CmsContentRecord> & Pick<CmsContentRecord, "entity" | "entity_id">) {
    if (row) return (await this.updateCmsContents({ id: row.id, ...data } as any)) as unknown as CmsContentRecord
    try {
      return (await this.createCmsContents(data as any)) as unknown as CmsContentRecord
    } catch (error) {
      // A concurrent request created the row first: update it instead.
      const created = await this.contentOf(data.entity, data.entity_id)
      if (!created) throw error
      return (await this.updateCmsContents({ id: created.id, ...data } as any)) as unknown as CmsContentRecord
    }
  }

  private queues(): QueueModuleService {
    return applicationContainer.resolve<QueueModuleService>(QUEUE_MODULE)
  }
}
