/** Store events that change what a product document holds, grouped by how they lead to products. */
export const PRODUCT_EVENTS = ["product.created", "product.updated", "product.deleted"]
export const VARIANT_EVENTS = ["product-variant.created", "product-variant.updated", "product-variant.deleted"]
export const INVENTORY_LEVEL_EVENTS = ["inventory-level.created", "inventory-level.updated", "inventory-level.deleted"]
export const RESERVATION_EVENTS = ["reservation-item.created", "reservation-item.updated", "reservation-item.deleted"]
export const TRANSLATION_EVENTS = ["translation.created", "translation.updated", "translation.deleted"]

/** Entities a document names by id: a change reaches every product whose document holds that id. */
export const REFERENCED_ENTITY_EVENTS: Record<string, { field: string; array?: true; graph?: { entity: string; path: string } }> = {
  "product-category.updated": { field: "category_ids", array: true, graph: { entity: "product_category", path: "products.id" } },
  "product-category.deleted": { field: "category_ids", array: true },
  "product-collection.updated": { field: "collection_id", graph: { entity: "product_collection", path: "products.id" } },
  "product-collection.deleted": { field: "collection_id" },
  "product-type.updated": { field: "type_id" },
  "product-type.deleted": { field: "type_id" },
  "product-tag.updated": { field: "tag_ids", array: true },
  "product-tag.deleted": { field: "tag_ids", array: true },
  "sales-channel.deleted": { field: "sales_channel_ids", array: true },
}

/** Asks for a rewrite of the products in `data.ids` (the admin's "reindex this product", reconciliation). */
export const REINDEX_PRODUCTS = "commerce-bridge.search.reindex-products"

/** Store events that change what a category or collection document holds (besides translations). */
export const CATEGORY_EVENTS = ["product-category.created", "product-category.updated", "product-category.deleted"]
export const COLLECTION_EVENTS = ["product-collection.created", "product-collection.updated", "product-collection.deleted"]

/** Ask for a rewrite of the categories or collections in `data.ids` (CMS content changed, repairs). */
export const REINDEX_CATEGORIES = "commerce-bridge.search.reindex-categories"
export const REINDEX_COLLECTIONS = "commerce-bridge.search.reindex-collections"

export const SEARCH_SYNC_EVENTS = [
  ...new Set([
    ...PRODUCT_EVENTS,
    ...VARIANT_EVENTS,
    ...INVENTORY_LEVEL_EVENTS,
    ...RESERVATION_EVENTS,
    ...TRANSLATION_EVENTS,
    ...Object.keys(REFERENCED_ENTITY_EVENTS),
    ...CATEGORY_EVENTS,
    ...COLLECTION_EVENTS,
  ]),
]
