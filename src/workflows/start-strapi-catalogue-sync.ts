import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { STRAPI_MODULE } from "../modules/strapi"
import type StrapiModuleService from "../modules/strapi/service"
import type { SyncRunRecord } from "../modules/strapi/types"
import { countEntities } from "../strapi-sync/documents"
import type { StrapiEntity } from "../strapi-sync/entities"

export interface StartStrapiCatalogueSyncInput {
  entities: StrapiEntity[]
}

export const createStrapiSyncRunStepId = "commerce-bridge-create-strapi-sync-run"

/** Records a run counting what it will push, or finds the one still running. Compensation deletes a run it created. */
export const createStrapiSyncRunStep = createStep(
  createStrapiSyncRunStepId,
  async ({ entities }: StartStrapiCatalogueSyncInput, { container }) => {
    const strapi = container.resolve<StrapiModuleService>(STRAPI_MODULE)
    const running = await strapi.runningRun()
    if (running) return new StepResponse(running, null)
    const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
    const counts = await Promise.all(entities.map((entity) => countEntities(query, entity)))
    const { run, created } = await strapi.createRun({ entities, total: counts.reduce((sum, count) => sum + count, 0) })
    return new StepResponse(run, created ? run.id : null)
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve<StrapiModuleService>(STRAPI_MODULE).deleteStrapiSyncRuns(createdId)
  }
)

export const queueStrapiCataloguePageStepId = "commerce-bridge-queue-strapi-catalogue-page"

/**
 * Queues the page at the run's cursor: the first of a new run, or the current one of a run still
 * running (a no-op while that page is queued, a restart when it was lost). Not compensated: it is last.
 */
export const queueStrapiCataloguePageStep = createStep(queueStrapiCataloguePageStepId, async (run: SyncRunRecord, { container }) => {
  if (run.status !== "running") return new StepResponse(null)
  return new StepResponse(await container.resolve<StrapiModuleService>(STRAPI_MODULE).queueCataloguePage(run))
})

export const startStrapiCatalogueSyncWorkflowId = "commerce-bridge-start-strapi-catalogue-sync"

/** Pushes the whole catalogue to Strapi in pages through the worker queue; resumes the run still running instead of starting another. */
export const startStrapiCatalogueSyncWorkflow = createWorkflow(startStrapiCatalogueSyncWorkflowId, (input: StartStrapiCatalogueSyncInput) => {
  const run = createStrapiSyncRunStep(input)
  queueStrapiCataloguePageStep(run)
  return new WorkflowResponse(transform({ run }, ({ run }) => run))
})
