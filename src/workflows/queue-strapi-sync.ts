import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { STRAPI_MODULE } from "../modules/strapi"
import type StrapiModuleService from "../modules/strapi/service"
import type { StrapiPushJobData } from "../strapi-sync/jobs"

export const queueStrapiSyncStepId = "commerce-bridge-queue-strapi-sync"

/** Not compensated: the step is the workflow's only change, and a queued push is harmless (unchanged entries are skipped). */
export const queueStrapiSyncStep = createStep(queueStrapiSyncStepId, async (input: StrapiPushJobData, { container }) => {
  const id = await container.resolve<StrapiModuleService>(STRAPI_MODULE).queuePush(input)
  return new StepResponse(id)
})

export const queueStrapiSyncWorkflowId = "commerce-bridge-queue-strapi-sync"

/** Hands a catalogue change to the strapi-sync queue, which writes it to Strapi (strapi-sync/push-job.ts). */
export const queueStrapiSyncWorkflow = createWorkflow(queueStrapiSyncWorkflowId, (input: StrapiPushJobData) => {
  return new WorkflowResponse(queueStrapiSyncStep(input))
})
