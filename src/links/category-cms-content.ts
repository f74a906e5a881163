import ProductModule from "@medusajs/medusa/product"
import { defineLink } from "@medusajs/framework/utils"
import StrapiModule from "../modules/strapi"

/** `product_category.cms_content`: the category's Strapi content, read by the category's id (no link table). */
export default defineLink(
  { linkable: ProductModule.linkable.productCategory, field: "id" },
  { ...StrapiModule.linkable.cmsContent.id, primaryKey: "entity_id" },
  { readOnly: true }
)
