/**
 * Store-level demo setup: sales channel, publishable key, currencies, regions, taxes, the stock
 * location and shipping. Every helper finds what already exists before creating anything, so a
 * seed interrupted half-way can simply be run again.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

export const DEMO_REGIONS = [
  { name: "Europe", currency_code: "eur", countries: ["de", "fr", "nl", "be", "at", "es", "it"] },
  { name: "North America", currency_code: "usd", countries: ["us", "ca"] },
]
const ALL_COUNTRIES = DEMO_REGIONS.flatMap((region) => region.countries)

const SALES_CHANNEL_NAME = "Default Sales Channel"
const STOCK_LOCATION_NAME = "Main warehouse"
const FULFILLMENT_SET_NAME = "Main warehouse delivery"
const SHIPPING_OPTION_NAME = "Standard Shipping"

export async function ensureDefaultSalesChannel(container: MedusaContainer): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (existing) return existing.id
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME }] },
  })
  return result[0].id
}

/** Returns the token of the first publishable key (a "Webshop" key when there is none), linked to the channel. */
export async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "revoked_at", "sales_channels.id"],
    filters: { type: "publishable" },
  })
  let key: { id: string; token: string; sales_channels?: ({ id: string } | null)[] | null } | undefined = keys.find(
    (candidate) => !candidate.revoked_at
  )
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  if (!key.sales_channels?.some((channel) => channel?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  return key.token
}

/** Creates the regions that do not exist yet and returns all of them by name. */
export async function ensureRegions(container: MedusaContainer): Promise<Record<string, string>> {
  const regionModule = container.resolve(Modules.REGION)
  const names = DEMO_REGIONS.map((region) => region.name)
  const existing = await regionModule.listRegions({ name: { $in: names } })
  const missing = DEMO_REGIONS.filter((region) => !existing.some((found) => found.name === region.name))
  if (missing.length) {
    await createRegionsWorkflow(container).run({
      input: { regions: missing.map((region) => ({ ...region, payment_providers: ["pp_system_default"] })) },
    })
  }
  const regions = await regionModule.listRegions({ name: { $in: names } })
  return Object.fromEntries(regions.map((region) => [region.name, region.id]))
}

export async function ensureTaxRegions(container: MedusaContainer): Promise<void> {
  const taxModule = container.resolve(Modules.TAX)
  const existing = await taxModule.listTaxRegions({ country_code: ALL_COUNTRIES })
  const covered = new Set(existing.filter((region) => !region.province_code).map((region) => region.country_code))
  const missing = ALL_COUNTRIES.filter((country) => !covered.has(country))
  if (missing.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
}

/** The "Main warehouse" stock location, available to the sales channel and to manual fulfillment. */
export async function ensureStockLocation(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const [existing] = await stockLocations.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (existing) return existing.id

  const { result } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: STOCK_LOCATION_NAME, address: { address_1: "Lagerstraße 1", city: "Berlin", country_code: "DE" } }] },
  })
  const locationId = result[0].id
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: locationId, add: [salesChannelId] } })
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  return locationId
}

export async function ensureDefaultShippingProfile(container: MedusaContainer): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  if (existing) return existing.id
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

/** A shipping fulfillment set at the stock location covering every demo country, with one flat-rate option. */
export async function ensureShipping(container: MedusaContainer, locationId: string, shippingProfileId: string): Promise<void> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  let [fulfillmentSet] = await fulfillment.listFulfillmentSets({ name: FULFILLMENT_SET_NAME }, { relations: ["service_zones"] })
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillment.createFulfillmentSets({
      name: FULFILLMENT_SET_NAME,
      type: "shipping",
      service_zones: [
        { name: "Europe and North America", geo_zones: ALL_COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })) },
      ],
    })
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }

  const serviceZoneId = fulfillmentSet.service_zones[0].id
  const options = await fulfillment.listShippingOptions({ service_zone: { id: serviceZoneId }, name: SHIPPING_OPTION_NAME })
  if (options.length) return
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: SHIPPING_OPTION_NAME,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: serviceZoneId,
        shipping_profile_id: shippingProfileId,
        type: { label: "Standard", description: "Ships in 2–3 days.", code: "standard" },
        prices: [
          { currency_code: "eur", amount: 5 },
          { currency_code: "usd", amount: 6 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })
}

/** EUR (default) and USD as store currencies, keeping any currency the store already has. */
export async function updateStoreDefaults(
  container: MedusaContainer,
  defaults: { salesChannelId: string; regionId: string; locationId: string }
): Promise<void> {
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  const codes = new Set([...(store.supported_currencies ?? []).map((currency) => currency.currency_code), "eur", "usd"])
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [...codes].map((currency_code) => ({ currency_code, is_default: currency_code === "eur" })),
        default_sales_channel_id: defaults.salesChannelId,
        default_region_id: defaults.regionId,
        default_location_id: defaults.locationId,
      },
    },
  })
}
