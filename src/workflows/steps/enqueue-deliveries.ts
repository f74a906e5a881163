import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type DeliveryModuleService from "../../modules/notifications/service"
import type { DeliveryRecord } from "../../modules/notifications/types"
import { QUEUE_MODULE } from "../../modules/queue"
import type QueueModuleService from "../../modules/queue/service"
import { NOTIFICATIONS_QUEUE } from "../../notifications/options"

export const enqueueDeliveriesStepId = "commerce-bridge-enqueue-deliveries"

/**
 * One job per message, keyed by the message's id so a second push is a no-op. Not compensated:
 * the step is last, and a job whose row is gone ends at once.
 */
export const enqueueDeliveriesStep = createStep(
  enqueueDeliveriesStepId,
  async (input: Pick<DeliveryRecord, "id" | "template">[], { container }) => {
    if (!input.length) return new StepResponse([])
    const { settings } = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
    const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
    const options = { attempts: settings.attempts, backoff: { type: "exponential" as const, delayMs: settings.backoffMs } }
    const results = await queues.pushBulk(
      NOTIFICATIONS_QUEUE,
      input.map((delivery) => ({ name: delivery.template, data: { delivery_id: delivery.id }, options: { ...options, jobId: delivery.id } }))
    )
    return new StepResponse(results.map((result) => result.id))
  }
)
