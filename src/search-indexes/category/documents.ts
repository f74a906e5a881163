import type { SearchDocument } from "@medusajs/framework/types"
import { localeKey } from "../shared/options"
import { localizeDocument, RowTranslations, translatedFields } from "../shared/translations"
import { ancestorIdsOf, CategoryAncestor, CategoryRow } from "./graph"
import type { ResolvedCategoryIndexOptions } from "./options"
import { cmsContentDocument, timestampDocument } from "../shared/common-fields"

/** The text a category's translation holds, and a locale index shows in its locale. */
export const CATEGORY_TRANSLATED_FIELDS = ["name", "description"]


/**
 * A category's document. `ancestors` holds the categories above it by id; `translations` each
 * category's translated text by id (a locale index names its ancestors in its locale too).
 */
export function toCategoryDocument(
  category: CategoryRow,
  options: ResolvedCategoryIndexOptions,
  ancestors: Map<string, CategoryAncestor> = new Map(),
  translations: Map<string, RowTranslations> = new Map(),
  now = new Date()
): SearchDocument {
  const ancestorIds = ancestorIdsOf(category)
  const path = ancestorIds
    .map((id) => ancestors.get(id))
    .filter((ancestor): ancestor is CategoryAncestor => Boolean(ancestor))
  const nameOf = (ancestor: CategoryAncestor) => {
    const translated = options.locale ? translations.get(ancestor.id)?.[options.locale]?.name : undefined
    return translated?.trim() ? translated : ancestor.name
  }
  const own = translations.get(category.id) ?? {}
  const document: SearchDocument = {
    id: category.id,
    name: category.name,
    handle: category.handle,
    description: category.description || null,
    is_active: Boolean(category.is_active),
    is_internal: Boolean(category.is_internal),
    rank: category.rank ?? 0,
    parent_category_id: category.parent_category_id ?? null,
    depth: ancestorIds.length,
    ancestor_ids: ancestorIds,
    ancestor_names: path.map(nameOf),
    ancestor_handles: path.map((ancestor) => ancestor.handle),
    content: cmsContentDocument(category),
    ...(options.locales.length ? { translations: translatedFields(own, options.locales, CATEGORY_TRANSLATED_FIELDS, localeKey) } : {}),
    ...timestampDocument(category, now),
  }
  return options.locale ? localizeDocument(document, own[options.locale], CATEGORY_TRANSLATED_FIELDS) : document
}
