import { joinUrl } from "../../../../lib/http-probe"
import type { CmsContentRecord } from "../../../../modules/strapi/types"

/** Where the Strapi admin edits an entry of the plugin's product type. */
export function strapiEditUrl(strapiUrl: string, documentId: string): string {
  return joinUrl(strapiUrl, `admin/content-manager/collection-types/plugin::commerce-bridge.product/${encodeURIComponent(documentId)}`)
}

/** What the product page shows of the product's Strapi entry. */
export function productCmsView(row: CmsContentRecord | undefined, strapiUrl: string | undefined, syncActive: boolean) {
  const documentId = row?.strapi_document_id
  return {
    content: row?.received_at
      ? {
          document_id: row.strapi_document_id,
          locale: row.locale,
          description: row.description,
          seo_title: row.seo_title,
          seo_description: row.seo_description,
          gallery: row.gallery ?? [],
          sections: row.sections ?? [],
          published_at: row.published_at,
        }
      : null,
    strapi: strapiUrl && documentId ? { url: strapiUrl, edit_url: strapiEditUrl(strapiUrl, documentId) } : null,
    last_pushed_at: row?.pushed_at ?? null,
    last_received_at: row?.received_at ?? null,
    /** Whether catalogue changes currently go to Strapi (the integration is on and has a URL). */
    sync_active: syncActive,
  }
}

export type ProductCmsView = ReturnType<typeof productCmsView>
