import { allowFields } from "@medusajs/framework/http"

const CONTENT_FIELDS = ["id", "entity", "entity_id", "strapi_document_id", "locale", "description", "seo_title", "seo_description", "gallery", "sections", "published_at"]

/** `cms_content` in full (`*cms_content`) and each content field on its own (`+cms_content.seo_title`). */
export const STORE_CMS_CONTENT_FIELDS = ["cms_content", ...CONTENT_FIELDS.map((field) => `cms_content.${field}`)]

/**
 * The store's product, category and collection routes return only allowed fields; this allows the
 * linked `cms_content`. Registered without a method: query fields are validated before method-scoped middlewares run.
 */
export const exposeCmsContent = allowFields(STORE_CMS_CONTENT_FIELDS)
