import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EngagementRequest, prepareEngagement } from "../../engagement/prepare"

export const prepareEngagementStepId = "commerce-bridge-prepare-engagement"

/** Reads the subject and builds the prompts and input hash. Reads only: nothing to compensate. */
export const prepareEngagementStep = createStep(prepareEngagementStepId, async (input: EngagementRequest, { container }) => {
  return new StepResponse(await prepareEngagement(container, input))
})
