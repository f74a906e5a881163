/** What `query.graph` reads of a collection to build its document (see documents.ts). */
export const COLLECTION_GRAPH_FIELDS = [
  "id",
  "title",
  "handle",
  "created_at",
  "updated_at",
  // Editor-written text from Strapi (the read-only `cms_content` link of CommerceBridge's strapi module).
  "cms_content.description",
  "cms_content.seo_title",
  "cms_content.seo_description",
]

export interface CollectionRow {
  id: string
  title: string
  handle: string
  created_at: string | Date
  updated_at: string | Date
  cms_content?: { description?: string | null; seo_title?: string | null; seo_description?: string | null } | null
}
