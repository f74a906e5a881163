import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SEARCH_SYNC_MODULE } from "../modules/search-sync"
import type SearchSyncModuleService from "../modules/search-sync/service"
import type { SearchSyncJobData } from "../search-sync/sync-job"

export const queueSearchSyncStepId = "commerce-bridge-queue-search-sync"

/** Not compensated: the step is the workflow's only change, and a queued rewrite is harmless. */
export const queueSearchSyncStep = createStep(queueSearchSyncStepId, async (input: SearchSyncJobData, { container }) => {
  const id = await container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE).queueEvent(input.event, input.data)
  return new StepResponse(id)
})

export const queueSearchSyncWorkflowId = "commerce-bridge-queue-search-sync"

/** Hands a catalogue change to the search-sync queue, which rewrites the affected products (search-sync/sync-job.ts). */
export const queueSearchSyncWorkflow = createWorkflow(queueSearchSyncWorkflowId, (input: SearchSyncJobData) => {
  return new WorkflowResponse(queueSearchSyncStep(input))
})
