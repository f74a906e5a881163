import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueDeliveriesStep } from "./steps/enqueue-deliveries"
import { planEventDeliveriesStep } from "./steps/plan-event-deliveries"
import { recordDeliveriesStep } from "./steps/record-deliveries"

export const sendEventNotificationsWorkflowId = "commerce-bridge-send-event-notifications"

/** A store event → its rendered messages, recorded once → one queued job per message. */
export const sendEventNotificationsWorkflow = createWorkflow(
  sendEventNotificationsWorkflowId,
  (input: { event: string; data: Record<string, unknown> }) => {
    const planned = planEventDeliveriesStep(input)
    const waiting = recordDeliveriesStep(planned)
    const jobIds = enqueueDeliveriesStep(waiting)
    return new WorkflowResponse({ deliveries: waiting, job_ids: jobIds })
  }
)
