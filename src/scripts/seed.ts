/**
 * Demo data for the dev store: `npx medusa exec ./src/scripts/seed.ts` (run by `npm run dev`).
 * Skips everything when a product with a `cb-demo-` handle already exists.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { buildCatalogue, DEMO_CATEGORIES, DEMO_HANDLE_PREFIX, type DemoProduct } from "./seed/catalogue"
import {
  ensureDefaultSalesChannel,
  ensureDefaultShippingProfile,
  ensurePublishableKey,
  ensureRegions,
  ensureShipping,
  ensureStockLocation,
  ensureTaxRegions,
  updateStoreDefaults,
} from "./seed/store-setup"

async function isAlreadySeeded(container: MedusaContainer): Promise<boolean> {
  const products = container.resolve(Modules.PRODUCT)
  const [found] = await products.listProducts({ handle: { $like: `${DEMO_HANDLE_PREFIX}%` } }, { take: 1, select: ["id"] })
  return Boolean(found)
}

/** Creates the demo categories that do not exist yet and returns every category id by handle. */
async function ensureCategories(container: MedusaContainer): Promise<Record<string, string>> {
  const products = container.resolve(Modules.PRODUCT)
  const handles = DEMO_CATEGORIES.map((category) => category.handle)
  const existing = await products.listProductCategories({ handle: handles })
  const missing = DEMO_CATEGORIES.filter((category) => !existing.some((found) => found.handle === category.handle))
  if (missing.length) {
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map(({ name, handle, description }) => ({ name, handle, description, is_active: true })),
      },
    })
  }
  const categories = await products.listProductCategories({ handle: handles })
  return Object.fromEntries(categories.map((category) => [category.handle, category.id]))
}

function toProductInput(
  product: DemoProduct,
  refs: { categoryIds: Record<string, string>; salesChannelId: string; shippingProfileId: string }
) {
  return {
    title: product.title,
    handle: product.handle,
    description: product.description,
    status: ProductStatus.PUBLISHED,
    category_ids: [refs.categoryIds[product.categoryHandle]],
    sales_channels: [{ id: refs.salesChannelId }],
    shipping_profile_id: refs.shippingProfileId,
    options: [{ title: product.option.title, values: product.option.values }],
    variants: product.variants.map((variant) => ({
      title: variant.title,
      sku: variant.sku,
      manage_inventory: true,
      options: { [product.option.title]: variant.optionValue },
      prices: [
        { currency_code: "eur", amount: variant.prices.eur },
        { currency_code: "usd", amount: variant.prices.usd },
      ],
    })),
  }
}

/** Stocks every demo variant's inventory item at the location with the catalogue's quantity. */
async function stockInventory(container: MedusaContainer, catalogue: DemoProduct[], locationId: string): Promise<number> {
  const stockBySku = new Map(catalogue.flatMap((product) => product.variants.map((variant) => [variant.sku, variant.stock] as const)))
  const inventory = container.resolve(Modules.INVENTORY)
  const items = await inventory.listInventoryItems({ sku: [...stockBySku.keys()] }, { take: stockBySku.size })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: items.map((item) => ({
        inventory_item_id: item.id,
        location_id: locationId,
        stocked_quantity: stockBySku.get(item.sku ?? "") ?? 0,
      })),
    },
  })
  return items.length
}

export default async function seedDemoData({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (await isAlreadySeeded(container)) {
    logger.info("Demo data already seeded")
    return
  }

  logger.info("Seeding store setup (sales channel, publishable key, regions, taxes, warehouse, shipping)...")
  const salesChannelId = await ensureDefaultSalesChannel(container)
  const publishableKey = await ensurePublishableKey(container, salesChannelId)
  const regionIds = await ensureRegions(container)
  await ensureTaxRegions(container)
  const locationId = await ensureStockLocation(container, salesChannelId)
  const shippingProfileId = await ensureDefaultShippingProfile(container)
  await ensureShipping(container, locationId, shippingProfileId)
  await updateStoreDefaults(container, { salesChannelId, regionId: regionIds["Europe"], locationId })

  logger.info("Seeding demo catalogue...")
  const catalogue = buildCatalogue()
  const categoryIds = await ensureCategories(container)
  const refs = { categoryIds, salesChannelId, shippingProfileId }
  await createProductsWorkflow(container).run({
    input: { products: catalogue.map((product) => toProductInput(product, refs)) },
  })
  const stocked = await stockInventory(container, catalogue, locationId)

  const variants = catalogue.flatMap((product) => product.variants)
  const soldOut = variants.filter((variant) => variant.stock === 0).length
  logger.info(
    `Demo data seeded: ${catalogue.length} products, ${variants.length} variants (${soldOut} out of stock), ` +
      `${Object.keys(categoryIds).length} categories, ${Object.keys(regionIds).length} regions (EUR, USD), ` +
      `${stocked} inventory levels at "Main warehouse"`
  )
  logger.info(`Publishable API key (x-publishable-api-key): ${publishableKey}`)
}
