import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { deliverMessage, DeliveryJobData } from "./deliver"
import { NOTIFICATIONS_QUEUE, ResolvedNotificationOptions } from "./options"

/** Registers the message handler on the worker queue (it consumes only on worker instances). */
export async function startDeliveryWorker(container: MedusaContainer, options: ResolvedNotificationOptions): Promise<void> {
  if (!container.hasRegistration(QUEUE_MODULE)) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      "CommerceBridge notifications: the worker queue module is not registered; messages are recorded but not sent"
    )
    return
  }
  const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
  await queues.registerHandler<DeliveryJobData>(NOTIFICATIONS_QUEUE, (job) => deliverMessage(container, job), {
    concurrency: options.concurrency,
  })
}
