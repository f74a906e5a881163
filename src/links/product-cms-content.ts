import ProductModule from "@medusajs/medusa/product"
import { defineLink } from "@medusajs/framework/utils"
import StrapiModule from "../modules/strapi"

/** `product.cms_content`: the product's Strapi content, read by the product's id (no link table). */
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id" },
  { ...StrapiModule.linkable.cmsContent.id, primaryKey: "entity_id" },
  { readOnly: true }
)
