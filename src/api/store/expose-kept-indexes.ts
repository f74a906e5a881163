import { configureStoreSearch, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { keptProductIndexes } from "../../search-sync/kept-indexes"

/**
 * Opens the product indexes built with CommerceBridge's factory on `POST /store/search`
 * (narrowed there to published products of the key's sales channels), unless the store
 * configured that route itself.
 */
export function exposeKeptIndexes(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if ((req as MedusaRequest & { storeSearchConfig?: unknown }).storeSearchConfig) return next()
  const allowed = Object.fromEntries(keptProductIndexes().map((name) => [name, true]))
  return configureStoreSearch({ allowed_indexes: allowed })(req, res, next)
}
