import type { ReceivedContent } from "../../../../modules/strapi/types"
import type { StrapiContentBody } from "../validators"

/** Strapi's body as the module stores it: absent values as null, gallery and sections for products only. */
export function toReceivedContent(body: StrapiContentBody): ReceivedContent {
  const { content } = body
  const products = body.entity === "product"
  return {
    entity: body.entity,
    entity_id: body.medusa_id,
    strapi_document_id: body.document_id,
    locale: body.locale ?? null,
    published_at: body.published_at ? new Date(body.published_at) : null,
    content_hash: body.content_hash.toLowerCase(),
    description: content.description ?? null,
    seo_title: content.seo_title ?? null,
    seo_description: content.seo_description ?? null,
    gallery: products
      ? (content.gallery ?? []).map((image) => ({
          url: image.url,
          alternative_text: image.alternative_text ?? null,
          width: image.width ?? null,
          height: image.height ?? null,
        }))
      : null,
    sections: products ? (content.sections ?? []).map((section) => ({ heading: section.heading ?? null, body: section.body ?? null })) : null,
  }
}
