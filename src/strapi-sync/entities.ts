/** The catalogue entities kept in step with Strapi, as the contract names them. */
export const STRAPI_ENTITIES = ["product", "category", "collection"] as const
export type StrapiEntity = (typeof STRAPI_ENTITIES)[number]

/** Where each entity lives in Medusa: its `query.graph` entity and the field Strapi gets as `title`. */
export const MEDUSA_ENTITIES: Record<StrapiEntity, { graph: string; titleField: string }> = {
  product: { graph: "product", titleField: "title" },
  category: { graph: "product_category", titleField: "name" },
  collection: { graph: "product_collection", titleField: "title" },
}

/** Store events that change what Strapi holds, and which entity each one is about. */
export const STRAPI_SYNC_EVENTS: Record<string, { entity: StrapiEntity; action: "upsert" | "delete" }> = {
  "product.created": { entity: "product", action: "upsert" },
  "product.updated": { entity: "product", action: "upsert" },
  "product.deleted": { entity: "product", action: "delete" },
  "product-category.created": { entity: "category", action: "upsert" },
  "product-category.updated": { entity: "category", action: "upsert" },
  "product-category.deleted": { entity: "category", action: "delete" },
  "product-collection.created": { entity: "collection", action: "upsert" },
  "product-collection.updated": { entity: "collection", action: "upsert" },
  "product-collection.deleted": { entity: "collection", action: "delete" },
}
