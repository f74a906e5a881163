import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { ResolvedSearchSyncOptions, SEARCH_SYNC_QUEUE } from "./options"
import { runSearchSyncJob, SearchSyncJobData } from "./sync-job"

/** Registers the search-sync queue's handler (it consumes only on worker instances). */
export async function startSearchSyncWorker(container: MedusaContainer, options: ResolvedSearchSyncOptions): Promise<void> {
  if (!container.hasRegistration(QUEUE_MODULE)) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      "CommerceBridge search: the worker queue module is not registered; catalogue changes do not reach CommerceBridge's search indexes"
    )
    return
  }
  const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
  await queues.registerHandler<SearchSyncJobData>(SEARCH_SYNC_QUEUE, (job) => runSearchSyncJob(container, job, options.batchSize), {
    concurrency: options.concurrency,
  })
}
