import type { MedusaContainer } from "@medusajs/framework/types"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import {
  ensureDefaultSalesChannel,
  ensureDefaultShippingProfile,
  ensurePublishableKey,
  ensureRegions,
  ensureShipping,
  ensureStockLocation,
} from "../../src/scripts/seed/store-setup"

export interface Shop {
  publishableKey: string
  regionId: string
  variantId: string
}

/** The dev store's demo setup (regions, shipping, key) and one product, for placing orders. */
export async function setUpShop(container: MedusaContainer): Promise<Shop> {
  const salesChannelId = await ensureDefaultSalesChannel(container)
  const publishableKey = await ensurePublishableKey(container, salesChannelId)
  const regionIds = await ensureRegions(container)
  const locationId = await ensureStockLocation(container, salesChannelId)
  const shippingProfileId = await ensureDefaultShippingProfile(container)
  await ensureShipping(container, locationId, shippingProfileId)
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Linen shirt",
          status: "published",
          shipping_profile_id: shippingProfileId,
          sales_channels: [{ id: salesChannelId }],
          options: [{ title: "Size", values: ["M"] }],
          variants: [
            { title: "M", sku: `shirt-${Date.now()}`, manage_inventory: false, options: { Size: "M" }, prices: [{ currency_code: "eur", amount: 20 }] },
          ],
        },
      ],
    },
  })
  return { publishableKey, regionId: regionIds["Europe"], variantId: result[0].variants[0].id }
}

export interface Buyer {
  email: string
  phone?: string
  locale?: string
  firstName?: string
}

/** A guest checkout through the store API, as a storefront does it; returns the order. */
export async function placeOrder(api: any, shop: Shop, buyer: Buyer): Promise<{ id: string; display_id: number }> {
  const headers = { headers: { "x-publishable-api-key": shop.publishableKey } }
  const address = {
    first_name: buyer.firstName ?? "Jane",
    last_name: "Doe",
    address_1: "Torstraße 1",
    city: "Berlin",
    postal_code: "10119",
    country_code: "de",
    ...(buyer.phone ? { phone: buyer.phone } : {}),
  }
  const { data: created } = await api.post(
    "/store/carts",
    { region_id: shop.regionId, email: buyer.email, ...(buyer.locale ? { locale: buyer.locale } : {}) },
    headers
  )
  const cartId = created.cart.id
  await api.post(`/store/carts/${cartId}/line-items`, { variant_id: shop.variantId, quantity: 2 }, headers)
  await api.post(`/store/carts/${cartId}`, { shipping_address: address, billing_address: address }, headers)
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, headers)
  const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
  const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
  if (completed.type !== "order") throw new Error(`Cart did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  return completed.order
}
