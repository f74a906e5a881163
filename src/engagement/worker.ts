import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { BulkEngagementJobData, runBulkEngagementJob } from "./bulk-job"
import { ENGAGEMENT_QUEUE, ResolvedEngagementOptions } from "./options"

/** Registers the bulk run queue's handler (it consumes only on worker instances), a few products at a time. */
export async function startEngagementWorker(container: MedusaContainer, options: ResolvedEngagementOptions): Promise<void> {
  if (!container.hasRegistration(QUEUE_MODULE)) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      "CommerceBridge engagement: the worker queue module is not registered; bulk runs are recorded but never drafted"
    )
    return
  }
  const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
  await queues.registerHandler<BulkEngagementJobData>(ENGAGEMENT_QUEUE, (job) => runBulkEngagementJob(container, job), {
    concurrency: options.concurrency,
  })
}
