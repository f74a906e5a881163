import { search } from "@medusajs/framework/utils"
import { cmsContentField, timestampFields } from "../shared/common-fields"
import { localeKey } from "../shared/options"
import type { ResolvedCategoryIndexOptions } from "./options"

/**
 * What a category document holds: what a storefront lists, filters and sorts categories on. The
 * store's category route filters on `is_active` and `is_internal`, and sorts on `id` by default.
 */
export function categoryFieldSchema(options: ResolvedCategoryIndexOptions) {
  const translations = Object.fromEntries(
    options.locales.map((locale) => [
      localeKey(locale),
      search.object({ name: search.text().searchable({ weight: 5 }), description: search.text().searchable() }),
    ])
  )
  return {
    id: search.keyword().filterable().sortable(),
    name: search.text().searchable({ weight: 5 }).sortable(),
    handle: search.keyword().searchable({ weight: 2 }).filterable().sortable(),
    description: search.text().searchable(),
    is_active: search.boolean().filterable(),
    is_internal: search.boolean().filterable(),
    rank: search.integer().filterable().sortable(),
    parent_category_id: search.keyword().filterable(),
    depth: search.integer().filterable().sortable(),
    ancestor_ids: search.keyword().array().filterable(),
    ancestor_names: search.keyword().array().filterable().facetable(),
    ancestor_handles: search.keyword().array().filterable(),
    content: cmsContentField(),
    ...(options.locales.length ? { translations: search.object(translations) } : {}),
    ...timestampFields(),
  }
}
