import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { deliverMessage, DeliveryJobData } from "./deliver"
import { NOTIFICATION_EVENTS_QUEUE, NOTIFICATIONS_QUEUE, ResolvedNotificationOptions } from "./options"
import { queueEventDeliveries } from "./plan"

export interface EventJobData {
  event: string
  data: Record<string, unknown>
}

/** Registers the handlers of both notification queues (they consume only on worker instances). */
export async function startDeliveryWorker(container: MedusaContainer, options: ResolvedNotificationOptions): Promise<void> {
  if (!container.hasRegistration(QUEUE_MODULE)) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      "CommerceBridge notifications: the worker queue module is not registered; messages are recorded but not sent"
    )
    return
  }
  const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
  const concurrency = options.concurrency
  await queues.registerHandler<EventJobData>(
    NOTIFICATION_EVENTS_QUEUE,
    async (job) => void (await queueEventDeliveries(container, job.data.event, job.data.data)),
    { concurrency }
  )
  await queues.registerHandler<DeliveryJobData>(NOTIFICATIONS_QUEUE, (job) => deliverMessage(container, job), { concurrency })
}
