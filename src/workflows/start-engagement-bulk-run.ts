import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BulkRunRequest } from "../engagement/estimate"
import { createEngagementBulkRunStep } from "./steps/create-engagement-bulk-run"
import { enqueueEngagementJobsStep } from "./steps/enqueue-engagement-jobs"
import { estimateEngagementBulkRunStep } from "./steps/estimate-engagement-bulk-run"

export const startEngagementBulkRunWorkflowId = "commerce-bridge-start-engagement-bulk-run"

/**
 * Drafts many products in the background: estimates the cost, records the run when the estimate
 * fits the monthly budget, and queues one job per product (the `engagement` queue's worker drafts
 * them a few at a time). Callers show the estimate first (`estimateEngagementBulkRun`) and start
 * only once the merchant confirms.
 */
export const startEngagementBulkRunWorkflow = createWorkflow(
  startEngagementBulkRunWorkflowId,
  (input: BulkRunRequest & { requested_by?: string | null }) => {
    const estimate = estimateEngagementBulkRunStep(input)
    const run = createEngagementBulkRunStep({ request: input, estimate })
    enqueueEngagementJobsStep(transform({ run, estimate }, ({ run, estimate }) => ({ run_id: run.id, product_ids: estimate.product_ids })))
    return new WorkflowResponse(transform({ run, estimate }, ({ run, estimate }) => ({ run, estimate })))
  }
)

export { estimateEngagementBulkRun } from "../engagement/estimate"
export type { BulkRunEstimate, BulkRunRequest } from "../engagement/estimate"
