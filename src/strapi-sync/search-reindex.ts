import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SEARCH_SYNC_MODULE } from "../modules/search-sync"
import { queueCatalogueReindex } from "../search-sync/queue-reindex"
import type { StrapiEntity } from "./entities"

/**
 * Queues the rewrite of a product, category or collection in CommerceBridge's search indexes after its
 * CMS content changed (their documents hold the editors' text). The content is already stored, so a
 * queue that cannot take the job is logged rather than failing Strapi's request.
 */
export async function queueContentReindex(container: MedusaContainer, entity: StrapiEntity, id: string): Promise<void> {
  if (!container.hasRegistration(SEARCH_SYNC_MODULE)) return
  try {
    await queueCatalogueReindex(container, entity, [id])
  } catch (error) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      `CommerceBridge Strapi: could not queue the search reindex of ${entity} ${id}: ${(error as Error).message}`
    )
  }
}
