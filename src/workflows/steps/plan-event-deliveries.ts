import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type DeliveryModuleService from "../../modules/notifications/service"
import { planEventDeliveries } from "../../notifications/plan"

export const planEventDeliveriesStepId = "commerce-bridge-plan-event-deliveries"

/** Loads what an event is about and renders its messages. Reads only: nothing to compensate. */
export const planEventDeliveriesStep = createStep(
  planEventDeliveriesStepId,
  async (input: { event: string; data: Record<string, unknown> }, { container }) => {
    const deliveries = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
    return new StepResponse(await planEventDeliveries(container, deliveries, input.event, input.data))
  }
)
