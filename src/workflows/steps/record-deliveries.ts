import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type DeliveryModuleService from "../../modules/notifications/service"
import type { DeliveryRecord, NewDelivery } from "../../modules/notifications/types"

export const recordDeliveriesStepId = "commerce-bridge-record-deliveries"

/**
 * Records the messages not recorded yet; returns those still waiting to be sent (new ones, and
 * queued ones of an earlier run that stopped before queueing them). Compensation deletes what it created.
 */
export const recordDeliveriesStep = createStep(
  recordDeliveriesStepId,
  async (input: NewDelivery[], { container }) => {
    const deliveries = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
    const { created, existing } = await deliveries.recordDeliveries(input)
    const waiting: DeliveryRecord[] = [...created, ...existing.filter((row) => row.status === "queued")]
    return new StepResponse(waiting, created.map((row) => row.id))
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE).deleteDeliveries(createdIds)
  }
)
