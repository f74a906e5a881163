import ProductModule from "@medusajs/medusa/product"
import { defineLink } from "@medusajs/framework/utils"
import StrapiModule from "../modules/strapi"

/** `product_collection.cms_content`: the collection's Strapi content, read by the collection's id (no link table). */
export default defineLink(
  { linkable: ProductModule.linkable.productCollection, field: "id" },
  { ...StrapiModule.linkable.cmsContent.id, primaryKey: "entity_id" },
  { readOnly: true }
)
