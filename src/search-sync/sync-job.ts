import type { ISearchModuleService, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { QueueJob } from "../modules/queue/types"
import { PRODUCT_SYNC_EVENT } from "../search-indexes/sync-event"
import { affectedProductIds } from "./affected-products"
import { keptProductIndexes } from "./kept-indexes"

export interface SearchSyncJobData {
  event: string
  data: Record<string, unknown>
}

/**
 * Rewrites the products an event changed in every kept index. The Search Module reads them back
 * through `query.graph` (a product that is gone, or no longer returned, is deleted) and waits for
 * the engine to apply the writes, so a job completes only once its products are searchable; an
 * engine that is down fails the job, and the queue retries it.
 */
export async function runSearchSyncJob(container: MedusaContainer, job: QueueJob<SearchSyncJobData>, batchSize: number): Promise<number> {
  const search = container.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  const indexes = keptProductIndexes()
  if (!search || !indexes.length) return 0
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  const ids = await affectedProductIds(job.data.event, job.data.data, { query, search, indexes })
  for (let start = 0; start < ids.length; start += batchSize) {
    await search.ingest({ name: PRODUCT_SYNC_EVENT, data: { ids: ids.slice(start, start + batchSize) } })
  }
  return ids.length
}
