import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ensureDefaultSalesChannel,
  ensureDefaultShippingProfile,
  ensurePublishableKey,
  ensureStockLocation,
} from "../../src/scripts/seed/store-setup"

export interface Catalogue {
  publishableKey: string
  salesChannelId: string
  locationId: string
  shippingProfileId: string
}

/** A sales channel with its publishable key, a stock location and a shipping profile, for creating products. */
export async function setUpCatalogue(container: MedusaContainer): Promise<Catalogue> {
  const salesChannelId = await ensureDefaultSalesChannel(container)
  return {
    salesChannelId,
    publishableKey: await ensurePublishableKey(container, salesChannelId),
    locationId: await ensureStockLocation(container, salesChannelId),
    shippingProfileId: await ensureDefaultShippingProfile(container),
  }
}


export interface NewProduct {
  title: string
  eur: number
  stock?: number
  category_ids?: string[]
  usd?: number
  description?: string
  collection_id?: string
  /** Another sales channel than the catalogue's. */
  sales_channel_id?: string
}

/**
 * Creates a published product through the admin API, as a merchant does: one variant priced in EUR,
 * in the catalogue's sales channel, with `stock` units at its location when given (unmanaged otherwise).
 */
export async function createProduct(api: any, admin: { headers: Record<string, string> }, catalogue: Catalogue, product: NewProduct) {
  const sku = `${product.title.toLowerCase().replace(/\W+/g, "-")}-${Math.round(Math.random() * 1e9)}`
  const { data } = await api.post(
    "/admin/products",
    {
      title: product.title,
      ...(product.description ? { description: product.description } : {}),
      ...(product.collection_id ? { collection_id: product.collection_id } : {}),
      status: "published",
      shipping_profile_id: catalogue.shippingProfileId,
      sales_channels: [{ id: product.sales_channel_id ?? catalogue.salesChannelId }],
      categories: product.category_ids?.map((id) => ({ id })),
      options: [{ title: "Size", values: ["M"] }],
      variants: [
        {
          title: "M",
          sku,
          manage_inventory: product.stock !== undefined,
          options: { Size: "M" },
          prices: [
            { currency_code: "eur", amount: product.eur },
            ...(product.usd !== undefined ? [{ currency_code: "usd", amount: product.usd }] : []),
          ],
        },
      ],
    },
    admin
  )
  const created = data.product
  if (product.stock !== undefined) {
    const { data: variant } = await api.get(`/admin/products/${created.id}/variants/${created.variants[0].id}?fields=inventory_items.inventory_item_id`, admin)
    const inventoryItemId = variant.variant.inventory_items[0].inventory_item_id
    await api.post(`/admin/inventory-items/${inventoryItemId}/location-levels`, { location_id: catalogue.locationId, stocked_quantity: product.stock }, admin)
    return { ...created, inventoryItemId }
  }
  return created
}
