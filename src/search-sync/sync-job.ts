import type { ISearchModuleService, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { QueueJob } from "../modules/queue/types"
import { KEPT_ENTITIES, KeptEntity, SYNC_EVENTS } from "../search-indexes/sync-event"
import { affectedCategoryIds, affectedCollectionIds, AffectedContext } from "./affected-catalogue"
import { affectedProductIds } from "./affected-products"
import { keptIndexes } from "./kept-indexes"

export interface SearchSyncJobData {
  event: string
  data: Record<string, unknown>
}

const AFFECTED: Record<KeptEntity, (event: string, data: Record<string, unknown>, context: AffectedContext) => Promise<string[]>> = {
  product: affectedProductIds,
  category: affectedCategoryIds,
  collection: affectedCollectionIds,
}

/**
 * Rewrites the rows an event changed in every kept index of their entity (products, categories,
 * collections). The Search Module reads them back through `query.graph` (a row that is gone, or no
 * longer returned, is deleted) and waits for the engine to apply the writes, so a job completes only
 * once its rows are searchable; an engine that is down fails the job, and the queue retries it.
 */
export async function runSearchSyncJob(container: MedusaContainer, job: QueueJob<SearchSyncJobData>, batchSize: number): Promise<number> {
  const search = container.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  const kept = keptIndexes()
  if (!search || !kept.length) return 0
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  let written = 0
  // Each entity's indexes are written even when another's fail (one not built yet, say); the job then fails and is retried.
  const failures: unknown[] = []
  for (const entity of KEPT_ENTITIES) {
    const indexes = kept.filter((index) => index.entity === entity).map((index) => index.name)
    if (!indexes.length) continue
    try {
      const ids = await AFFECTED[entity](job.data.event, job.data.data, { query, search, indexes })
      for (let start = 0; start < ids.length; start += batchSize) {
        await search.ingest({ name: SYNC_EVENTS[entity], data: { ids: ids.slice(start, start + batchSize) } })
      }
      written += ids.length
    } catch (error) {
      failures.push(error)
    }
  }
  if (failures.length) throw failures[0]
  return written
}
