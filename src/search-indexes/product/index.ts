import type { SearchTypes } from "@medusajs/framework/types"
import { indexOptionError } from "../shared/errors"
import { composeDocument, composeGraph, composeSchema } from "../shared/fields-option"
import { keptIndexDefinition, translationModuleEnabled } from "../shared/definition"
import { localeIndexName } from "../shared/options"
import { addEmbeddings, semanticFieldSchema } from "../shared/semantic"
import { toProductDocument } from "./documents"
import { productFieldSchema } from "./fields"
import { PRODUCT_GRAPH_FIELDS, ProductRow } from "./graph"
import { ProductIndexesOptions, ProductIndexOptions, resolveProductIndexOptions } from "./options"
import { loadProductTranslations } from "./translations"

/**
 * The product index definition, for a store's own `src/search/product.ts`:
 *
 * ```ts
 * import { defineSearchIndex } from "@medusajs/framework/utils"
 * import { productSearchIndex } from "@commerce-bridge/medusa/search-indexes/product"
 *
 * export default defineSearchIndex(productSearchIndex({ currencies: ["eur", "usd"] }))
 * ```
 *
 * With `locale: "de-DE"` it is a locale index (`product_de_de` unless named): its title, subtitle and
 * description hold the German translation, or the base text without one.
 *
 * The plugin ships no `search/` folder of its own, so a store that already defines `product` keeps
 * booting. With `semantic: { fields, model, dimensions }` it also holds an `embedding` of each product's
 * text for hybrid search (see shared/semantic.ts). Changes reach the index through CommerceBridge's search-sync queue (see sync-event.ts).
 */
export function productSearchIndex(options: ProductIndexOptions = {}) {
  if ((options as ProductIndexesOptions).localeIndexes !== undefined) {
    throw indexOptionError("product", "localeIndexes: use productSearchIndexes(), which returns one definition per locale")
  }
  const resolved = resolveProductIndexOptions(options)
  const locales = [...new Set([...resolved.locales, ...(resolved.locale ? [resolved.locale] : [])])]
  const toDocuments = async (rows: ProductRow[], context: SearchTypes.SearchIngestionContext) => {
    const translations = await loadProductTranslations(
      rows.map((row) => row.id),
      locales,
      context
    )
    const now = new Date()
    const documents = rows.map((row) => composeDocument(row, toProductDocument(row, resolved, translations.get(row.id), now), resolved.fields))
    // One embeddings call per batch of rows (cache first, misses in batches): never one request per document.
    return resolved.semantic ? addEmbeddings(documents, resolved.semantic, context) : documents
  }
  return keptIndexDefinition<ProductRow>({
    entity: "product",
    graphEntity: "product",
    name: resolved.name,
    provider: resolved.provider,
    settings: resolved.settings,
    mark: { entity: "product", ...(resolved.locale ? { locale: resolved.locale } : {}) },
    schema: { ...composeSchema("product", productFieldSchema(resolved), resolved.fields), ...semanticFieldSchema(resolved.semantic) },
    graph: composeGraph(PRODUCT_GRAPH_FIELDS, resolved.fields),
    toDocuments,
  })
}

/**
 * The product index and, with `localeIndexes` where Medusa's Translation Module is on, one locale
 * index per locale of `locales` (`product_de_de`, …). Each needs `defineSearchIndex` in the store's file:
 *
 * ```ts
 * const [product] = productSearchIndexes({ locales: ["de-DE"], localeIndexes: true }).map((index) => defineSearchIndex(index))
 * export default product
 * ```
 */
export function productSearchIndexes({ localeIndexes, ...options }: ProductIndexesOptions = {}) {
  const base = productSearchIndex(options)
  if (!localeIndexes || !translationModuleEnabled()) return [base]
  return [
    base,
    ...(options.locales ?? []).map((locale) => ({
      ...productSearchIndex({ ...options, locale, name: localeIndexName(base.name, locale) }),
      commerce_bridge: { entity: "product" as const, locale, base: base.name },
    })),
  ]
}

export { PRODUCT_GRAPH_FIELDS } from "./graph"
export { resolveProductIndexOptions } from "./options"
export type { ProductIndexesOptions, ProductIndexOptions } from "./options"
export type { IndexFieldsOption } from "../shared/fields-option"
