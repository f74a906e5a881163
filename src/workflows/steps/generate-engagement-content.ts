import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateContent } from "../../engagement/generate"
import type { PreparedEngagement } from "../../engagement/prepare"

export const generateEngagementContentStepId = "commerce-bridge-generate-engagement-content"

/**
 * Reuses an identical earlier answer or asks the model (after the budget check). Not compensated:
 * a model call cannot be taken back, and the next step records what it cost.
 */
export const generateEngagementContentStep = createStep(
  generateEngagementContentStepId,
  async (input: PreparedEngagement, { container }) => {
    return new StepResponse(await generateContent(container, input))
  }
)
