import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SEARCH_SYNC_MODULE } from "../../../modules/search-sync"
import type SearchSyncModuleService from "../../../modules/search-sync/service"
import { keptProductIndexes } from "../../../search-sync/kept-indexes"

/**
 * Medusa's workflows that add products to a collection or category (`POST /admin/collections/:id/products`,
 * `/admin/product-categories/:id/products`) emit no event, so once such a request succeeds the products
 * it added or removed are queued for a rewrite here.
 */
export function queueLinkedProducts(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { add?: unknown[]; remove?: unknown[] }
  const ids = [...(body.add ?? []), ...(body.remove ?? [])].filter((id): id is string => typeof id === "string")
  if (ids.length && keptProductIndexes().length) {
    res.on("finish", () => {
      if (res.statusCode >= 300) return
      req.scope
        .resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE)
        .queueProducts(ids)
        .catch((error: Error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`CommerceBridge search: could not queue linked products: ${error.message}`))
    })
  }
  next()
}
