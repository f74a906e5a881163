import { CMS_CONTENT_GRAPH_FIELDS, CmsContentRow } from "../shared/common-fields"

/** What `query.graph` reads of a category to build its document (see documents.ts). */
export const CATEGORY_GRAPH_FIELDS = [
  "id",
  "name",
  "handle",
  "description",
  "is_active",
  "is_internal",
  "rank",
  "parent_category_id",
  // "root.parent.self": the ancestors, read by id in one query per page of categories.
  "mpath",
  "created_at",
  "updated_at",
  ...CMS_CONTENT_GRAPH_FIELDS,
]

export interface CategoryRow extends CmsContentRow {
  id: string
  name: string
  handle: string
  description?: string | null
  is_active?: boolean | null
  is_internal?: boolean | null
  rank?: number | null
  parent_category_id?: string | null
  mpath?: string | null
  created_at: string | Date
  updated_at: string | Date
}

/** An ancestor of a category, as its document names it. */
export interface CategoryAncestor {
  id: string
  name: string
  handle: string
}

/** The ids of a category's ancestors, root first, from its materialized path. */
export function ancestorIdsOf(row: Pick<CategoryRow, "id" | "mpath" | "parent_category_id">): string[] {
  const path = (row.mpath ?? "").split(".").filter(Boolean)
  const ids = path[path.length - 1] === row.id ? path.slice(0, -1) : path
  if (!ids.length && row.parent_category_id) return [row.parent_category_id]
  return ids
}
