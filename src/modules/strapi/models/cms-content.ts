import { model } from "@medusajs/framework/utils"
import { STRAPI_ENTITIES } from "../../../strapi-sync/entities"

/**
 * Strapi's editor-owned content of one product, category or collection (`entity_id` is the Medusa id),
 * and what Medusa last pushed of its own fields. Read-only links expose it as `cms_content`.
 */
export const CmsContent = model
  .define(
    { name: "cms_content", tableName: "commerce_bridge_cms_content" },
    {
      id: model.id({ prefix: "cbcms" }).primaryKey(),
      entity: model.enum([...STRAPI_ENTITIES]),
      entity_id: model.text(),
      strapi_document_id: model.text().nullable(),
      locale: model.text().nullable(),
      description: model.text().nullable(),
      seo_title: model.text().nullable(),
      seo_description: model.text().nullable(),
      /** `[{ url, alternative_text, width, height }]`, products only. */
      gallery: model.json().nullable(),
      /** `[{ heading, body }]`, products only. */
      sections: model.json().nullable(),
      /** Strapi's sha256 of the content JSON: the same hash again stores nothing. */
      content_hash: model.text().nullable(),
      published_at: model.dateTime().nullable(),
      received_at: model.dateTime().nullable(),
      /** Hash of the Medusa-owned fields last pushed: an unchanged catalogue entry is not pushed again. */
      catalogue_hash: model.text().nullable(),
      pushed_at: model.dateTime().nullable(),
    }
  )
  // entity_id first: the links look rows up by it alone.
  .indexes([{ on: ["entity_id", "entity"], unique: true }])
