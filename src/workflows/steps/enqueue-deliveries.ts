import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { DeliveryRecord } from "../../modules/notifications/types"
import { pushDeliveries } from "../../notifications/plan"

export const enqueueDeliveriesStepId = "commerce-bridge-enqueue-deliveries"

/**
 * One job per message, keyed by the message's id so a second push is a no-op. Not compensated:
 * the step is last, and a job whose row is gone ends at once.
 */
export const enqueueDeliveriesStep = createStep(
  enqueueDeliveriesStepId,
  async (input: Pick<DeliveryRecord, "id" | "template">[], { container }) => {
    const results = await pushDeliveries(container, input)
    return new StepResponse(results.map((result) => result.id))
  }
)
