import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import type { QueueJob } from "../modules/queue/types"
import { runCataloguePageJob } from "./catalogue-page-job"
import { CATALOGUE_PAGE_JOB, CataloguePageJobData, StrapiPushJobData } from "./jobs"
import { ResolvedStrapiSyncOptions, STRAPI_SYNC_QUEUE } from "./options"
import { runPushJob } from "./push-job"

/** Registers the strapi-sync queue's handler (it consumes only on worker instances). */
export async function startStrapiSyncWorker(container: MedusaContainer, options: ResolvedStrapiSyncOptions, logger: Logger): Promise<void> {
  if (!container.hasRegistration(QUEUE_MODULE)) {
    logger.warn(
      "CommerceBridge Strapi: the worker queue module is not registered; catalogue changes do not reach Strapi"
    )
    return
  }
  const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
  await queues.registerHandler<StrapiPushJobData | CataloguePageJobData>(
    STRAPI_SYNC_QUEUE,
    (job) =>
      job.name === CATALOGUE_PAGE_JOB
        ? runCataloguePageJob(container, job as QueueJob<CataloguePageJobData>, options)
        : runPushJob(container, job as QueueJob<StrapiPushJobData>, options),
    { concurrency: options.concurrency }
  )
}
