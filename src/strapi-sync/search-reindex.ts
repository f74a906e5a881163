import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SEARCH_SYNC_MODULE } from "../modules/search-sync"
import type SearchSyncModuleService from "../modules/search-sync/service"

/**
 * Queues a product's rewrite in CommerceBridge's search indexes after its CMS content changed. The
 * content is already stored, so a queue that cannot take the job is logged rather than failing Strapi's request.
 */
export async function queueProductReindex(container: MedusaContainer, productId: string): Promise<void> {
  if (!container.hasRegistration(SEARCH_SYNC_MODULE)) return
  try {
    await container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE).queueProducts([productId])
  } catch (error) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      `CommerceBridge Strapi: could not queue the search reindex of product ${productId}: ${(error as Error).message}`
    )
  }
}
