import type { StrapiModuleService } from "../modules/strapi"
import type { StrapiClient } from "./client"
import { CatalogueDocument, catalogueHash, changedDocuments } from "./documents"
import type { StrapiEntity } from "./entities"

export interface PushContext {
  client: StrapiClient
  strapi: StrapiModuleService
  batchSize: number
}

export interface PushOutcome {
  /** Documents written to Strapi. */
  written: number
  /** Documents whose catalogue fields were already in Strapi. */
  skipped: number
}

/**
 * Writes the documents whose Medusa-owned fields changed since their last push (all of them with
 * `force`), in batches, recording each batch's hashes as soon as Strapi accepts it so a retry after a
 * failure resumes with the batches not yet written.
 */
export async function pushDocuments(
  { client, strapi, batchSize }: PushContext,
  entity: StrapiEntity,
  documents: CatalogueDocument[],
  force = false
): Promise<PushOutcome> {
  const changed = force ? documents : changedDocuments(documents, await strapi.pushedHashes(entity, documents.map((d) => d.medusa_id)))
  for (let start = 0; start < changed.length; start += batchSize) {
    const batch = changed.slice(start, start + batchSize)
    const outcomes = await client.upsert(entity, batch)
    const documentIds = new Map(outcomes.map((outcome) => [outcome.medusa_id, outcome.document_id]))
    await strapi.recordPushes(
      entity,
      batch.map((document) => ({
        entity_id: document.medusa_id,
        catalogue_hash: catalogueHash(document),
        strapi_document_id: documentIds.get(document.medusa_id) ?? null,
      }))
    )
  }
  return { written: changed.length, skipped: documents.length - changed.length }
}
