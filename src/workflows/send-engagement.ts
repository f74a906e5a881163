import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enqueueDeliveriesStep } from "./steps/enqueue-deliveries"
import { prepareEngagementDeliveryStep } from "./steps/prepare-engagement-delivery"
import { recordDeliveriesStep } from "./steps/record-deliveries"
import { transitionEngagementStep } from "./steps/transition-engagement"

export const sendEngagementWorkflowId = "commerce-bridge-send-engagement"

/**
 * Approves a customer message and sends it through the notification pipeline: recorded as a
 * delivery (to the address or number looked up now) and queued, so routing, retries, the outbox
 * and Settings → Deliveries apply as to every other message.
 */
export const sendEngagementWorkflow = createWorkflow(sendEngagementWorkflowId, (input: { id: string; approved_by: string | null }) => {
  const approved = transitionEngagementStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      from: ["draft" as const],
      kinds: ["customer_message" as const],
      kindHint: "only a customer message is sent; product texts are applied (POST …/apply)",
      set: { status: "approved" as const, approved_by: input.approved_by, approved_at: new Date() },
    }))
  )
  const deliveries = prepareEngagementDeliveryStep(approved)
  const recorded = recordDeliveriesStep(deliveries)
  const sent = transitionEngagementStep(
    transform({ approved, recorded }, ({ approved, recorded }) => ({
      id: approved.id,
      from: ["approved" as const],
      set: { status: "sent" as const, applied_at: new Date(), delivery_id: recorded[0]?.id ?? null },
    }))
  ).config({ name: "mark-engagement-sent" })
  enqueueDeliveriesStep(recorded)
  return new WorkflowResponse(sent)
})
