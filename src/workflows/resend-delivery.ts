import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATIONS_MODULE } from "../modules/notifications"
import type DeliveryModuleService from "../modules/notifications/service"
import { enqueueDeliveriesStep } from "./steps/enqueue-deliveries"

export const createResendStepId = "commerce-bridge-create-resend"

/** A queued copy of a message; compensation deletes the copy. */
export const createResendStep = createStep(
  createResendStepId,
  async (input: { id: string }, { container }) => {
    const copy = await container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE).createResend(input.id)
    return new StepResponse(copy, copy.id)
  },
  async (copyId, { container }) => {
    if (!copyId) return
    await container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE).deleteDeliveries([copyId])
  }
)

export const resendDeliveryWorkflowId = "commerce-bridge-resend-delivery"

/** Sends a recorded message again, as a new delivery that keeps a link to the original. */
export const resendDeliveryWorkflow = createWorkflow(resendDeliveryWorkflowId, (input: { id: string }) => {
  const copy = createResendStep(input)
  enqueueDeliveriesStep(transform({ copy }, ({ copy }) => [copy]))
  return new WorkflowResponse(copy)
})
