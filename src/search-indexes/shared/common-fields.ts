import { search } from "@medusajs/framework/utils"

/** Editor-written text from Strapi, read through the read-only `cms_content` link of CommerceBridge's strapi module. */
export const CMS_CONTENT_GRAPH_FIELDS = ["cms_content.description", "cms_content.seo_title", "cms_content.seo_description"]

export interface CmsContentRow {
  cms_content?: { description?: string | null; seo_title?: string | null; seo_description?: string | null } | null
}

/** The `content` field every CommerceBridge index holds: the editors' text, searchable. */
export const cmsContentField = () =>
  search.object({
    description: search.text().searchable(),
    seo_title: search.text().searchable({ weight: 2 }),
    seo_description: search.text().searchable(),
  })

export const cmsContentDocument = ({ cms_content }: CmsContentRow) => ({
  description: cms_content?.description ?? null,
  seo_title: cms_content?.seo_title ?? null,
  seo_description: cms_content?.seo_description ?? null,
})

/** When the record was created and updated, and when its document was written. */
export const timestampFields = () => ({
  created_at: search.date().filterable().sortable(),
  updated_at: search.date().filterable().sortable(),
  indexed_at: search.date().sortable(),
})

const iso = (value: string | Date) => new Date(value).toISOString()

export const timestampDocument = (row: { created_at: string | Date; updated_at: string | Date }, now: Date) => ({
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
  indexed_at: now.toISOString(),
})
