import type { SearchTypes } from "@medusajs/framework/types"
import { keptIndexDefinition, translationModuleEnabled } from "../shared/definition"
import { indexOptionError } from "../shared/errors"
import { composeDocument, composeGraph, composeSchema } from "../shared/fields-option"
import { localeIndexName } from "../shared/options"
import { loadTranslations } from "../shared/translations"
import { CATEGORY_TRANSLATED_FIELDS, toCategoryDocument } from "./documents"
import { categoryFieldSchema } from "./fields"
import { ancestorIdsOf, CATEGORY_GRAPH_FIELDS, CategoryAncestor, CategoryRow } from "./graph"
import { CategoryIndexesOptions, CategoryIndexOptions, resolveCategoryIndexOptions } from "./options"

/**
 * The product category index definition, for a store's own `src/search/category.ts`:
 *
 * ```ts
 * import { defineSearchIndex } from "@medusajs/framework/utils"
 * import { categorySearchIndex } from "@commerce-bridge/medusa/search-indexes/category"
 *
 * export default defineSearchIndex(categorySearchIndex())
 * ```
 *
 * Every category is indexed, active or not, internal or not (the documents say which);
 * `GET /store/commerce-bridge/product-categories` answers from it with Medusa's store filters.
 */
export function categorySearchIndex(options: CategoryIndexOptions = {}) {
  if ((options as CategoryIndexesOptions).localeIndexes !== undefined) {
    throw indexOptionError("category", "localeIndexes: use categorySearchIndexes(), which returns one definition per locale")
  }
  const resolved = resolveCategoryIndexOptions(options)
  const locales = [...new Set([...resolved.locales, ...(resolved.locale ? [resolved.locale] : [])])]
  const toDocuments = async (rows: CategoryRow[], context: SearchTypes.SearchIngestionContext) => {
    const ancestors = await loadAncestors(rows, context)
    // A locale index names the ancestors in its locale too.
    const translated = resolved.locale ? [...rows.map((row) => row.id), ...ancestors.keys()] : rows.map((row) => row.id)
    const translations = await loadTranslations("product_category", [...new Set(translated)], locales, CATEGORY_TRANSLATED_FIELDS, context)
    const now = new Date()
    return rows.map((row) => composeDocument(row, toCategoryDocument(row, resolved, ancestors, translations, now), resolved.fields))
  }
  return keptIndexDefinition<CategoryRow>({
    entity: "category",
    graphEntity: "product_category",
    name: resolved.name,
    provider: resolved.provider,
    settings: resolved.settings,
    mark: { entity: "category", ...(resolved.locale ? { locale: resolved.locale } : {}) },
    schema: composeSchema("category", categoryFieldSchema(resolved), resolved.fields),
    graph: composeGraph(CATEGORY_GRAPH_FIELDS, resolved.fields),
    toDocuments,
  })
}

/**
 * The category index and, with `localeIndexes` where Medusa's Translation Module is on, one locale
 * index per locale of `locales` (`category_de_de`, …). Each needs `defineSearchIndex` in the store's file.
 */
export function categorySearchIndexes({ localeIndexes, ...options }: CategoryIndexesOptions = {}) {
  const base = categorySearchIndex(options)
  if (!localeIndexes || !translationModuleEnabled()) return [base]
  return [
    base,
    ...(options.locales ?? []).map((locale) => ({
      ...categorySearchIndex({ ...options, locale, name: localeIndexName(base.name, locale) }),
      commerce_bridge: { entity: "category" as const, locale, base: base.name },
    })),
  ]
}

/** The ancestors of a page of categories, in one query. */
async function loadAncestors(rows: CategoryRow[], { container }: SearchTypes.SearchIngestionContext): Promise<Map<string, CategoryAncestor>> {
  const ids = [...new Set(rows.flatMap(ancestorIdsOf))]
  if (!ids.length) return new Map()
  const { data } = await container.query.graph({ entity: "product_category", fields: ["id", "name", "handle"], filters: { id: ids } })
  return new Map((data as CategoryAncestor[]).map((ancestor) => [ancestor.id, ancestor]))
}

export { CATEGORY_GRAPH_FIELDS } from "./graph"
export { resolveCategoryIndexOptions } from "./options"
export type { CategoryIndexesOptions, CategoryIndexOptions } from "./options"
export type { IndexFieldsOption } from "../shared/fields-option"
