import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type DeliveryModuleService from "../../modules/notifications/service"
import type { NewDelivery } from "../../modules/notifications/types"

export const recordDeliveriesStepId = "commerce-bridge-record-deliveries"

/** Records the messages not recorded yet and returns them. Compensation deletes what it created. */
export const recordDeliveriesStep = createStep(
  recordDeliveriesStepId,
  async (input: NewDelivery[], { container }) => {
    const deliveries = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
    const { created } = await deliveries.recordDeliveries(input)
    return new StepResponse(created, created.map((row) => row.id))
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE).deleteDeliveries(createdIds)
  }
)
