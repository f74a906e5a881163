import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { runHealthChecksStep } from "./steps/run-health-checks"

export const checkIntegrationsHealthWorkflowId = "commerce-bridge-check-integrations-health"

/** Checks the named integrations, or every enabled one, and records the results. */
export const checkIntegrationsHealthWorkflow = createWorkflow(
  checkIntegrationsHealthWorkflowId,
  (input: { names?: string[] }) => {
    const reports = runHealthChecksStep(input)
    return new WorkflowResponse(reports)
  }
)
