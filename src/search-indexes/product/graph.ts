import { CMS_CONTENT_GRAPH_FIELDS, CmsContentRow } from "../shared/common-fields"

/** What `query.graph` reads of a product to build its document (see documents.ts). */
export const PRODUCT_GRAPH_FIELDS = [
  "id",
  "title",
  "subtitle",
  "handle",
  "description",
  "status",
  "thumbnail",
  "created_at",
  "updated_at",
  "tags.id",
  "tags.value",
  "type.id",
  "type.value",
  "collection.id",
  "collection.title",
  "categories.id",
  "categories.name",
  "sales_channels.id",
  "variants.id",
  "variants.sku",
  "variants.title",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.options.value",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.price_list_id",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  ...CMS_CONTENT_GRAPH_FIELDS,
]

interface Named {
  id: string
}

export interface ProductRow extends CmsContentRow {
  id: string
  title: string
  subtitle?: string | null
  handle: string
  description?: string | null
  status: string
  thumbnail?: string | null
  created_at: string | Date
  updated_at: string | Date
  tags?: (Named & { value: string })[] | null
  type?: (Named & { value: string }) | null
  collection?: (Named & { title: string }) | null
  categories?: (Named & { name: string })[] | null
  sales_channels?: Named[] | null
  variants?: VariantRow[] | null
}

export interface VariantRow {
  id: string
  sku?: string | null
  title?: string | null
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  options?: { value: string }[] | null
  prices?: { amount: number | string; currency_code: string; price_list_id?: string | null }[] | null
  inventory_items?: {
    required_quantity?: number | null
    inventory?: { location_levels?: { stocked_quantity?: number | null; reserved_quantity?: number | null }[] | null } | null
  }[] | null
}
