import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionEngagementStep } from "./steps/transition-engagement"

export const rejectEngagementWorkflowId = "commerce-bridge-reject-engagement"

/** Rejects a draft: nothing reaches a product or a customer, and its text is never reused. */
export const rejectEngagementWorkflow = createWorkflow(rejectEngagementWorkflowId, (input: { id: string }) => {
  const rejected = transitionEngagementStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      from: ["draft" as const, "approved" as const],
      set: { status: "rejected" as const },
    }))
  )
  return new WorkflowResponse(rejected)
})
