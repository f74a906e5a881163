import type { SearchTypes } from "@medusajs/framework/types"
import { keptIndexDefinition, translationModuleEnabled } from "../shared/definition"
import { indexOptionError } from "../shared/errors"
import { composeDocument, composeGraph, composeSchema } from "../shared/fields-option"
import { localeIndexName } from "../shared/options"
import { loadTranslations } from "../shared/translations"
import { COLLECTION_TRANSLATED_FIELDS, toCollectionDocument } from "./documents"
import { collectionFieldSchema } from "./fields"
import { COLLECTION_GRAPH_FIELDS, CollectionRow } from "./graph"
import { CollectionIndexesOptions, CollectionIndexOptions, resolveCollectionIndexOptions } from "./options"

/**
 * The product collection index definition, for a store's own `src/search/collection.ts`:
 *
 * ```ts
 * import { defineSearchIndex } from "@medusajs/framework/utils"
 * import { collectionSearchIndex } from "@commerce-bridge/medusa/search-indexes/collection"
 *
 * export default defineSearchIndex(collectionSearchIndex())
 * ```
 */
export function collectionSearchIndex(options: CollectionIndexOptions = {}) {
  if ((options as CollectionIndexesOptions).localeIndexes !== undefined) {
    throw indexOptionError("collection", "localeIndexes: use collectionSearchIndexes(), which returns one definition per locale")
  }
  const resolved = resolveCollectionIndexOptions(options)
  const locales = [...new Set([...resolved.locales, ...(resolved.locale ? [resolved.locale] : [])])]
  const toDocuments = async (rows: CollectionRow[], context: SearchTypes.SearchIngestionContext) => {
    const translations = await loadTranslations("product_collection", rows.map((row) => row.id), locales, COLLECTION_TRANSLATED_FIELDS, context)
    const now = new Date()
    return rows.map((row) => composeDocument(row, toCollectionDocument(row, resolved, translations.get(row.id), now), resolved.fields))
  }
  return keptIndexDefinition<CollectionRow>({
    entity: "collection",
    graphEntity: "product_collection",
    name: resolved.name,
    provider: resolved.provider,
    settings: resolved.settings,
    mark: { entity: "collection", ...(resolved.locale ? { locale: resolved.locale } : {}) },
    schema: composeSchema("collection", collectionFieldSchema(resolved), resolved.fields),
    graph: composeGraph(COLLECTION_GRAPH_FIELDS, resolved.fields),
    toDocuments,
  })
}

/**
 * The collection index and, with `localeIndexes` where Medusa's Translation Module is on, one locale
 * index per locale of `locales` (`collection_de_de`, …). Each needs `defineSearchIndex` in the store's file.
 */
export function collectionSearchIndexes({ localeIndexes, ...options }: CollectionIndexesOptions = {}) {
  const base = collectionSearchIndex(options)
  if (!localeIndexes || !translationModuleEnabled()) return [base]
  return [
    base,
    ...(options.locales ?? []).map((locale) => ({
      ...collectionSearchIndex({ ...options, locale, name: localeIndexName(base.name, locale) }),
      commerce_bridge: { entity: "collection" as const, locale, base: base.name },
    })),
  ]
}

export { COLLECTION_GRAPH_FIELDS } from "./graph"
export { resolveCollectionIndexOptions } from "./options"
export type { CollectionIndexesOptions, CollectionIndexOptions } from "./options"
export type { IndexFieldsOption } from "../shared/fields-option"
