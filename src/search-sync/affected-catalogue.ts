import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { AffectedProductsContext, documentsNaming, idsOf } from "./affected-products"
import { CATEGORY_EVENTS, COLLECTION_EVENTS, REINDEX_CATEGORIES, REINDEX_COLLECTIONS, TRANSLATION_EVENTS } from "./events"

/** Which store events reach a category or collection document, and how. */
export type AffectedContext = AffectedProductsContext

/**
 * The categories whose documents an event changes: the changed or translated categories, and every
 * category below them, whose document names them among its ancestors.
 */
export async function affectedCategoryIds(event: string, data: Record<string, unknown>, context: AffectedContext): Promise<string[]> {
  const ids = idsOf(data)
  if (!ids.length) return []
  let changed: string[] = []
  if (CATEGORY_EVENTS.includes(event) || event === REINDEX_CATEGORIES) changed = ids
  else if (TRANSLATION_EVENTS.includes(event)) changed = await translatedReferences(context.query, ids, "product_category")
  if (!changed.length) return []
  const below = await documentsNaming(context, { ancestor_ids: { $overlaps: changed } })
  return [...new Set([...changed, ...below])]
}

/** The collections whose documents an event changes. */
export async function affectedCollectionIds(event: string, data: Record<string, unknown>, context: AffectedContext): Promise<string[]> {
  const ids = idsOf(data)
  if (!ids.length) return []
  if (COLLECTION_EVENTS.includes(event) || event === REINDEX_COLLECTIONS) return ids
  if (TRANSLATION_EVENTS.includes(event)) return translatedReferences(context.query, ids, "product_collection")
  return []
}

/** The rows of `reference` that the translations (read with `withDeleted`) belong to. */
async function translatedReferences(query: RemoteQueryFunction, translationIds: string[], reference: string): Promise<string[]> {
  const { data } = await query.graph({
    entity: "translation",
    fields: ["reference", "reference_id"],
    filters: { id: translationIds } as any,
    withDeleted: true,
  } as any)
  return [...new Set(data.filter((row: { reference: string }) => row.reference === reference).map((row: { reference_id: string }) => row.reference_id))]
}
