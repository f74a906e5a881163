import { search } from "@medusajs/framework/utils"
import { localeKey } from "../shared/options"
import type { ResolvedCollectionIndexOptions } from "./options"

/** What a collection document holds: what a storefront lists, finds and sorts collections on. */
export function collectionFieldSchema(options: ResolvedCollectionIndexOptions) {
  const translations = Object.fromEntries(options.locales.map((locale) => [localeKey(locale), search.object({ title: search.text().searchable({ weight: 5 }) })]))
  return {
    id: search.keyword().filterable().sortable(),
    title: search.text().searchable({ weight: 5 }).sortable(),
    handle: search.keyword().searchable({ weight: 2 }).filterable().sortable(),
    content: search.object({
      description: search.text().searchable(),
      seo_title: search.text().searchable({ weight: 2 }),
      seo_description: search.text().searchable(),
    }),
    ...(options.locales.length ? { translations: search.object(translations) } : {}),
    created_at: search.date().filterable().sortable(),
    updated_at: search.date().filterable().sortable(),
    indexed_at: search.date().sortable(),
  }
}
