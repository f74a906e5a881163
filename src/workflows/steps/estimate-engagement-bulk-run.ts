import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BulkRunRequest, estimateEngagementBulkRun } from "../../engagement/estimate"

export const estimateEngagementBulkRunStepId = "commerce-bridge-estimate-engagement-bulk-run"

/** Products, tokens and dollars of a bulk run. Reads only: nothing to compensate. */
export const estimateEngagementBulkRunStep = createStep(
  estimateEngagementBulkRunStepId,
  async (input: BulkRunRequest, { container }) => new StepResponse(await estimateEngagementBulkRun(container, input))
)
