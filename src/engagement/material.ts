import { MedusaError } from "@medusajs/framework/utils"
import type { SubjectType } from "../modules/engagement/types"
import { toNumber } from "../notifications/events/order-data"
import type { CustomerMessageMaterial } from "./prompts/customer-message"
import type { ProductMaterial } from "./prompts/shared"

type Query = { graph(options: Record<string, unknown>): Promise<{ data: Record<string, any>[] }> }

const PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "material",
  "metadata",
  "type.value",
  "collection.title",
  "categories.name",
  "tags.value",
  "options.title",
  "options.values.value",
]

export interface LoadedProduct {
  id: string
  material: ProductMaterial
  description: string | null
  metadata: Record<string, unknown> | null
}

/** Catalogue facts of the given products, in the order of `ids`; a missing product is a 404 naming it. */
export async function loadProducts(query: Query, ids: string[]): Promise<LoadedProduct[]> {
  const { data } = await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id: ids } })
  const byId = new Map(data.map((product) => [product.id as string, product]))
  const missing = ids.filter((id) => !byId.has(id))
  if (missing.length) {
    const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "")
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${shown} was not found`)
  }
  return ids.map((id) => toLoadedProduct(byId.get(id)!))
}

function toLoadedProduct(product: Record<string, any>): LoadedProduct {
  return {
    id: product.id,
    description: product.description ?? null,
    metadata: product.metadata ?? null,
    material: {
      title: product.title,
      subtitle: product.subtitle,
      description: product.description,
      material: product.material,
      type: product.type?.value,
      collection: product.collection?.title,
      categories: (product.categories ?? []).map((category: { name: string }) => category.name),
      tags: (product.tags ?? []).map((tag: { value: string }) => tag.value),
      options: (product.options ?? []).map((option: { title: string; values?: { value: string }[] }) => ({
        title: option.title,
        values: (option.values ?? []).map((value) => value.value),
      })),
    },
  }
}

/** Every product id of the catalogue, in pages. */
export async function allProductIds(query: Query, pageSize = 500): Promise<string[]> {
  const ids: string[] = []
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.graph({ entity: "product", fields: ["id"], pagination: { skip, take: pageSize, order: { created_at: "ASC" } } })
    ids.push(...data.map((product) => product.id as string))
    if (data.length < pageSize) return ids
  }
}

export interface LoadedCustomerMessage {
  material: CustomerMessageMaterial
  /** The order's locale, when it has one: a message to a customer is written in their language. */
  locale: string | null
}

/**
 * The only data a customer message is written from: first name, order number, item titles and
 * quantities. The query asks for nothing else, so contact data is never even loaded.
 */
export async function loadCustomerMessageMaterial(query: Query, subjectType: SubjectType, id: string): Promise<LoadedCustomerMessage> {
  if (subjectType === "customer") {
    const { data } = await query.graph({ entity: "customer", fields: ["id", "first_name"], filters: { id } })
    if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${id} was not found`)
    return { material: { first_name: data[0].first_name ?? null, order: null }, locale: null }
  }
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "locale", "items.title", "items.detail.quantity", "customer.first_name", "shipping_address.first_name"],
    filters: { id },
  })
  const order = data[0]
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${id} was not found`)
  return {
    locale: order.locale ?? null,
    material: {
      first_name: order.customer?.first_name || order.shipping_address?.first_name || null,
      order: {
        display_id: order.display_id,
        // An order item's quantity lives on its detail (the order version's row), not on the line item.
        items: (order.items ?? []).map((item: { title: string; detail?: { quantity?: unknown } }) => ({
          title: item.title,
          quantity: toNumber(item.detail?.quantity),
        })),
      },
    },
  }
}

export interface StoreContext {
  name: string
  defaultLocale: string
}

/** The store's name and its first supported locale (Medusa's store locales), for prompts. */
export async function loadStoreContext(query: Query): Promise<StoreContext> {
  const { data } = await query.graph({ entity: "store", fields: ["name", "supported_locales.locale_code"] })
  const store = data[0]
  const [first]: { locale_code: string }[] = store?.supported_locales ?? []
  return { name: store?.name || "our store", defaultLocale: first?.locale_code ?? "en" }
}
