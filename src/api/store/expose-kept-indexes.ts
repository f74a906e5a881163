import { configureStoreSearch, MedusaNextFunction, MedusaRequest, MedusaResponse, StoreSearchConfig } from "@medusajs/framework/http"
import { MedusaModule } from "@medusajs/framework/modules-sdk"
import type { SearchFilters } from "@medusajs/framework/types"
import { keptIndexes } from "../../search-sync/kept-indexes"

/** What the store's own category route shows: active categories that are not internal. */
const CATEGORY_SCOPE: SearchFilters = { is_active: true, is_internal: false }

/**
 * Opens the indexes built with CommerceBridge's factories on `POST /store/search`, unless the store
 * configured that route itself: product indexes (narrowed there by Medusa to published products of the
 * key's sales channels), collection indexes, and category indexes narrowed to active, public categories.
 * A category index whose fields no longer let it be narrowed so (its `fields` option replaced them) stays closed.
 */
export function exposeKeptIndexes(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if ((req as MedusaRequest & { storeSearchConfig?: unknown }).storeSearchConfig) return next()
  const allowed: StoreSearchConfig["allowed_indexes"] = {}
  for (const { name, entity } of keptIndexes()) {
    if (entity !== "category") allowed[name] = true
    else if (canScopeCategories(name)) allowed[name] = { filters: () => CATEGORY_SCOPE }
  }
  return configureStoreSearch({ allowed_indexes: allowed })(req, res, next)
}

function canScopeCategories(index: string): boolean {
  const fields = MedusaModule.getSearchIndexes().find((definition) => definition.name === index)?.fields ?? {}
  return Object.keys(CATEGORY_SCOPE).every((field) => fields[field]?.filterable === true)
}
