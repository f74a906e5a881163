import { CMS_CONTENT_GRAPH_FIELDS, CmsContentRow } from "../shared/common-fields"

/** What `query.graph` reads of a collection to build its document (see documents.ts). */
export const COLLECTION_GRAPH_FIELDS = [
  "id",
  "title",
  "handle",
  "created_at",
  "updated_at",
  ...CMS_CONTENT_GRAPH_FIELDS,
]

export interface CollectionRow extends CmsContentRow {
  id: string
  title: string
  handle: string
  created_at: string | Date
  updated_at: string | Date
}
