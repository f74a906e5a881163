import type { SearchDocument } from "@medusajs/framework/types"
import { localeKey } from "../shared/options"
import { localizeDocument, RowTranslations, translatedFields } from "../shared/translations"
import type { CollectionRow } from "./graph"
import type { ResolvedCollectionIndexOptions } from "./options"
import { cmsContentDocument, timestampDocument } from "../shared/common-fields"

/** The text a collection's translation holds, and a locale index shows in its locale. */
export const COLLECTION_TRANSLATED_FIELDS = ["title"]


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
    content: cmsContentDocument(collection),
    ...(options.locales.length ? { translations: translatedFields(translations, options.locales, COLLECTION_TRANSLATED_FIELDS, localeKey) } : {}),
    ...timestampDocument(collection, now),
  }
  return options.locale ? localizeDocument(document, translations[options.locale], COLLECTION_TRANSLATED_FIELDS) : document
}
