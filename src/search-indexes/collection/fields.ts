import { search } from "@medusajs/framework/utils"
import { cmsContentField, timestampFields } from "../shared/common-fields"
import { localeKey } from "../shared/options"
import type { ResolvedCollectionIndexOptions } from "./options"

/** What a collection document holds: what a storefront lists, finds and sorts collections on. */
export function collectionFieldSchema(options: ResolvedCollectionIndexOptions) {
  const translations = Object.fromEntries(options.locales.map((locale) => [localeKey(locale), search.object({ title: search.text().searchable({ weight: 5 }) })]))
  return {
    id: search.keyword().filterable().sortable(),
    title: search.text().searchable({ weight: 5 }).sortable(),
    handle: search.keyword().searchable({ weight: 2 }).filterable().sortable(),
    content: cmsContentField(),
    ...(options.locales.length ? { translations: search.object(translations) } : {}),
    ...timestampFields(),
  }
}
