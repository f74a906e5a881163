import type { ISearchModuleService, RemoteQueryFunction, SearchFilters } from "@medusajs/framework/types"
import {
  INVENTORY_LEVEL_EVENTS,
  PRODUCT_EVENTS,
  REFERENCED_ENTITY_EVENTS,
  REINDEX_PRODUCTS,
  RESERVATION_EVENTS,
  TRANSLATION_EVENTS,
  VARIANT_EVENTS,
} from "./events"

export interface AffectedProductsContext {
  query: RemoteQueryFunction
  search: ISearchModuleService
  /** The product indexes kept by CommerceBridge, searched for documents naming a changed entity. */
  indexes: string[]
}

const PAGE = 500

/** The ids an event carries: `data.id` as one id or a list, or `data.ids`. */
export function idsOf(data: Record<string, unknown>): string[] {
  const value = data.ids ?? data.id
  const ids = Array.isArray(value) ? value : [value]
  return ids.filter((id): id is string => typeof id === "string" && id.length > 0)
}

/** The products whose documents an event changes. A deleted row is read with `withDeleted`. */
export async function affectedProductIds(event: string, data: Record<string, unknown>, context: AffectedProductsContext): Promise<string[]> {
  const ids = idsOf(data)
  if (!ids.length) return []
  if (PRODUCT_EVENTS.includes(event) || event === REINDEX_PRODUCTS) return ids
  if (VARIANT_EVENTS.includes(event)) return productsOfVariants(context.query, ids)
  if (INVENTORY_LEVEL_EVENTS.includes(event)) return productsOfInventoryItems(context.query, await column(context.query, "inventory_level", ids, "inventory_item_id"))
  if (RESERVATION_EVENTS.includes(event)) return productsOfInventoryItems(context.query, await column(context.query, "reservation_item", ids, "inventory_item_id"))
  if (TRANSLATION_EVENTS.includes(event)) return productTranslations(context.query, ids)
  const referenced = REFERENCED_ENTITY_EVENTS[event]
  if (!referenced) return []
  const [linked, indexed] = await Promise.all([
    referenced.graph ? column(context.query, referenced.graph.entity, ids, referenced.graph.path) : [],
    documentsNaming(context, { [referenced.field]: referenced.array ? { $overlaps: ids } : { $in: ids } }),
  ])
  return [...new Set([...linked, ...indexed])]
}

async function column(query: RemoteQueryFunction, entity: string, ids: string[], path: string): Promise<string[]> {
  const { data } = await query.graph({ entity, fields: [path], filters: { id: ids } as any, withDeleted: true } as any)
  return [...new Set(data.flatMap((row: Record<string, any>) => pluck(row, path.split("."))))]
}

/** Values at a dotted path through objects and arrays: `products.id` of a category. */
function pluck(value: any, path: string[]): string[] {
  if (value == null) return []
  if (Array.isArray(value)) return value.flatMap((item) => pluck(item, path))
  if (!path.length) return typeof value === "string" ? [value] : []
  return pluck(value[path[0]], path.slice(1))
}

const productsOfVariants = (query: RemoteQueryFunction, variantIds: string[]) => column(query, "product_variant", variantIds, "product_id")

async function productsOfInventoryItems(query: RemoteQueryFunction, itemIds: string[]): Promise<string[]> {
  if (!itemIds.length) return []
  const { data } = await query.graph({
    entity: "product_variant_inventory_item",
    fields: ["variant_id"],
    filters: { inventory_item_id: itemIds } as any,
  })
  const variantIds = [...new Set(data.map((row: { variant_id: string }) => row.variant_id))]
  return variantIds.length ? productsOfVariants(query, variantIds) : []
}

async function productTranslations(query: RemoteQueryFunction, ids: string[]): Promise<string[]> {
  const { data } = await query.graph({
    entity: "translation",
    fields: ["reference", "reference_id"],
    filters: { id: ids } as any,
    withDeleted: true,
  } as any)
  return data.filter((row: { reference: string }) => row.reference === "product").map((row: { reference_id: string }) => row.reference_id)
}

/** Ids of the indexed documents, in every kept index of the context, whose document matches the filter naming a changed entity. */
export async function documentsNaming({ search, indexes }: AffectedProductsContext, filters: SearchFilters): Promise<string[]> {
  const found = new Set<string>()
  for (const index of indexes) {
    for (let skip = 0; ; skip += PAGE) {
      const result = await search.search({ entity: index, filters, fields: ["id"], pagination: { skip, take: PAGE } })
      result.hits.forEach((hit) => found.add(hit.id))
      if (result.hits.length < PAGE) break
    }
  }
  return [...found]
}
