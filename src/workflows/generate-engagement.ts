import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EngagementRequest } from "../engagement/prepare"
import { generateEngagementContentStep } from "./steps/generate-engagement-content"
import { prepareEngagementStep } from "./steps/prepare-engagement"
import { recordEngagementStep } from "./steps/record-engagement"

export const generateEngagementWorkflowId = "commerce-bridge-generate-engagement"

/**
 * One draft: prompts from what the kind may use, an identical earlier answer or the model's (within
 * the monthly budget), recorded as a draft, or as failed with the reason (`failure` says why).
 */
export const generateEngagementWorkflow = createWorkflow(generateEngagementWorkflowId, (input: EngagementRequest) => {
  const prepared = prepareEngagementStep(input)
  const outcome = generateEngagementContentStep(prepared)
  const engagement = recordEngagementStep({ prepared, outcome })
  return new WorkflowResponse(
    transform({ engagement, outcome }, ({ engagement, outcome }) => ({
      engagement,
      failure: outcome.ok ? null : outcome.failure,
    }))
  )
})
