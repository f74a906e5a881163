import type { MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { safeErrorMessage } from "../lib/redact"
import type { QueueJob } from "../modules/queue/types"
import { isPermanent, PermanentJobError } from "../modules/queue/types"
import { STRAPI_MODULE } from "../modules/strapi"
import type StrapiModuleService from "../modules/strapi/service"
import type { SyncRunRecord } from "../modules/strapi/types"
import { StrapiRequestError } from "./client"
import { readDocumentPage } from "./documents"
import type { CataloguePageJobData } from "./jobs"
import type { ResolvedStrapiSyncOptions } from "./options"
import { pushDocuments } from "./push"
import { strapiClientFor } from "./push-job"

/**
 * One page of a full sync: pushes the entries after the run's cursor (all of them, changed or not),
 * moves the cursor, and queues the next page. A page that fails for good marks the run failed and is
 * dead-lettered; replaying it resumes the run from the same cursor. A job whose position the run has
 * left (a duplicate, or a retry after the run moved on) only makes sure the current page is queued.
 */
export async function runCataloguePageJob(
  container: MedusaContainer,
  job: QueueJob<CataloguePageJobData>,
  options: ResolvedStrapiSyncOptions
): Promise<void> {
  const strapi = container.resolve<StrapiModuleService>(STRAPI_MODULE)
  let run = await strapi.retrieveRun(job.data.run_id).catch(() => undefined)
  if (!run || run.status === "completed") return
  if (run.current_entity !== job.data.entity || run.cursor !== job.data.cursor) {
    if (run.status === "running") await strapi.queueCataloguePage(run)
    return
  }
  if (run.status === "failed") run = await resume(strapi, run)
  try {
    const client = await strapiClientFor(container, options)
    if (!client) throw new PermanentJobError("the Strapi integration is switched off or has no URL")
    const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
    const documents = await readDocumentPage(query, job.data.entity, job.data.cursor, options.pageSize)
    let done = 0
    let failed = 0
    let error = run.error
    for (let start = 0; start < documents.length; start += options.batchSize) {
      const batch = documents.slice(start, start + options.batchSize)
      try {
        await pushDocuments({ client, strapi, batchSize: options.batchSize }, job.data.entity, batch, true)
        done += batch.length
      } catch (failure) {
        // Strapi refused these documents (a bad field): count them and go on with the rest.
        if (!(failure instanceof StrapiRequestError && failure.status === 400)) throw failure
        failed += batch.length
        error = failure.message
      }
    }
    const next = nextPosition(run, documents.length < options.pageSize ? null : documents[documents.length - 1].medusa_id)
    const progressed = { done: run.done + done, failed: run.failed + failed, error }
    if (!next) {
      const counted = progressed.done + progressed.failed
      await strapi.updateRun(run.id, { ...progressed, status: "completed", total: Math.max(run.total, counted), finished_at: new Date() })
      return
    }
    const moved = await strapi.updateRun(run.id, { ...progressed, ...next })
    await strapi.queueCataloguePage(moved)
  } catch (error) {
    if (isPermanent(error) || job.attempt >= job.max_attempts) {
      await strapi.updateRun(run.id, { status: "failed", error: safeErrorMessage(error), finished_at: new Date() })
    }
    throw error
  }
}

/** The page after this one: further along the same entity, else the start of the next one; null when done. */
function nextPosition(run: SyncRunRecord, lastId: string | null): Pick<SyncRunRecord, "current_entity" | "cursor"> | null {
  if (lastId) return { current_entity: run.current_entity, cursor: lastId }
  const following = run.entities[run.entities.indexOf(run.current_entity!) + 1]
  return following ? { current_entity: following, cursor: null } : null
}

/** A dead-lettered page replayed: the run goes on from its cursor, unless another run started meanwhile. */
async function resume(strapi: StrapiModuleService, run: SyncRunRecord): Promise<SyncRunRecord> {
  try {
    return await strapi.updateRun(run.id, { status: "running", error: null, finished_at: null })
  } catch (error) {
    const other = await strapi.runningRun()
    if (!other || other.id === run.id) throw error
    throw new PermanentJobError(`Catalogue sync ${run.id} cannot resume while catalogue sync ${other.id} is running`)
  }
}
