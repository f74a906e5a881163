import type { SearchDocument } from "@medusajs/framework/types"
import { localeKey } from "../shared/options"
import { localizeDocument, RowTranslations, translatedFields } from "../shared/translations"
import type { CollectionRow } from "./graph"
import type { ResolvedCollectionIndexOptions } from "./options"

/** The text a collection's translation holds, and a locale index shows in its locale. */
export const COLLECTION_TRANSLATED_FIELDS = ["title"]

const iso = (value: string | Date) => new Date(value).toISOString()

export function toCollectionDocument(
  collection: CollectionRow,
  options: ResolvedCollectionIndexOptions,
  translations: RowTranslations = {},
  now = new Date()
): SearchDocument {
  const document: SearchDocument = {
    id: collection.id,
    title: collection.title,
    handle: collection.handle,
    content: {
      description: collection.cms_content?.description ?? null,
      seo_title: collection.cms_content?.seo_title ?? null,
      seo_description: collection.cms_content?.seo_description ?? null,
    },
    ...(options.locales.length ? { translations: translatedFields(translations, options.locales, COLLECTION_TRANSLATED_FIELDS, localeKey) } : {}),
    created_at: iso(collection.created_at),
    updated_at: iso(collection.updated_at),
    indexed_at: now.toISOString(),
  }
  return options.locale ? localizeDocument(document, translations[options.locale], COLLECTION_TRANSLATED_FIELDS) : document
}
