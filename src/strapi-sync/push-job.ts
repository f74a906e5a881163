import type { Logger, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STRAPI_MODULE } from "../modules/strapi"
import type StrapiModuleService from "../modules/strapi/service"
import type { QueueJob } from "../modules/queue/types"
import { PermanentJobError } from "../modules/queue/types"
import { StrapiClient } from "./client"
import { isSyncActive, readStrapiIntegration } from "./connection"
import { readDocuments } from "./documents"
import type { StrapiPushJobData } from "./jobs"
import type { ResolvedStrapiSyncOptions } from "./options"
import { pushDocuments, PushOutcome } from "./push"

/** A client for the integration's current settings, or null while the sync is switched off. */
export async function strapiClientFor(container: MedusaContainer, options: ResolvedStrapiSyncOptions): Promise<StrapiClient | null> {
  const integration = await readStrapiIntegration(container)
  if (!isSyncActive(integration)) return null
  if (!integration.config.apiToken) {
    throw new PermanentJobError("The Strapi integration has no apiToken: set it, then replay this job from Settings → Queues")
  }
  return new StrapiClient({ url: integration.config.url!, apiToken: integration.config.apiToken }, options.requestTimeoutMs)
}

/**
 * Pushes catalogue changes to Strapi: upserts write the Medusa-owned fields of entries that still
 * exist (unchanged ones are skipped unless forced), deletes remove the entries and what Medusa held of
 * them. Strapi unreachable or answering 5xx/429 fails the job, and the queue retries it with backoff.
 */
export async function runPushJob(
  container: MedusaContainer,
  job: QueueJob<StrapiPushJobData>,
  options: ResolvedStrapiSyncOptions
): Promise<PushOutcome | { deleted: number } | { skipped: "sync switched off" }> {
  const client = await strapiClientFor(container, options)
  const { entity, action, ids, force } = job.data
  if (!client) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).info(
      `CommerceBridge Strapi: job ${job.id} (${job.name}) skipped: the Strapi integration is switched off or has no URL`
    )
    return { skipped: "sync switched off" }
  }
  const strapi = container.resolve<StrapiModuleService>(STRAPI_MODULE)
  if (action === "delete") {
    let deleted = 0
    for (const id of ids) {
      if (await client.remove(entity, id)) deleted++
    }
    await strapi.forgetEntries(entity, ids)
    return { deleted }
  }
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  const documents = await readDocuments(query, entity, ids)
  return pushDocuments({ client, strapi, batchSize: options.batchSize }, entity, documents, force)
}
