/**
 * A real Medusa catalogue for the drop-in listing bench: `count` published products in the default sales
 * channel, each with one or two variants (EUR and USD prices, stock at one location), one or two of 20
 * categories and one of 8 collections. Written straight through the Product, Pricing and Inventory modules and
 * the link module in batches of 500, as `createProductsWorkflow` would link them, with every event held in an
 * event group and dropped: the product index is built afterwards by the Search Module's reindex.
 *
 * Titles are unique and `created_at` distinct, so `order=title` and `order=-created_at` have no ties and both
 * routes must return the same ids in the same order.
 */
import { randomUUID } from "crypto"
import type { IEventBusModuleService, IInventoryService, IPricingModuleService, IProductModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { ADJECTIVES, CATEGORIES, MATERIALS, NOUNS, prng, productRow } from "./catalogue"

const BATCH = 500
const COLLECTIONS = ["Core", "Heritage", "Trail", "City", "Resort", "Studio", "Atelier", "Coastal"]
const SIZES = ["S", "M"]
const COMBINATIONS = ADJECTIVES.length * MATERIALS.length * NOUNS.length

export interface DropInCatalogue {
  products: number
  variants: number
  categoryIds: string[]
  collectionIds: string[]
}

const cap = (word: string) => word[0].toUpperCase() + word.slice(1)

/** A unique title: a permutation of the 15,000 word combinations, with the number appended beyond them. */
function title(n: number, count: number) {
  const k = (n * 7919) % COMBINATIONS
  const words = `${cap(ADJECTIVES[k % ADJECTIVES.length])} ${MATERIALS[Math.floor(k / ADJECTIVES.length) % MATERIALS.length]} ${NOUNS[Math.floor(k / (ADJECTIVES.length * MATERIALS.length))]}`
  return count > COMBINATIONS ? `${words} ${n}` : words
}

export async function createDropInCatalogue(
  container: MedusaContainer,
  count: number,
  refs: { salesChannelId: string; locationId: string },
  log: (message: string) => void
): Promise<DropInCatalogue> {
  const productModule = container.resolve<IProductModuleService>(Modules.PRODUCT)
  const pricing = container.resolve<IPricingModuleService>(Modules.PRICING)
  const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const events = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  const eventGroupId = `bench-drop-in-${randomUUID()}`
  const context = { eventGroupId } as any

  const categories = await productModule.createProductCategories(
    CATEGORIES.map((name, i) => ({ name, handle: `bench-cat-${i}`, is_active: true })),
    context
  )
  const collections = await productModule.createProductCollections(
    COLLECTIONS.map((name, i) => ({ title: name, handle: `bench-col-${i}` })),
    context
  )
  const categoryIds = categories.map((category) => category.id)
  const collectionIds = collections.map((collection) => collection.id)
  const categoryByName = new Map(categories.map((category) => [category.name, category.id]))
  // A permutation of 0 … count-1, so creation order and `created_at` order differ.
  const step = [7919, 7927, 7933].find((prime) => count % prime !== 0)!
  const base = Date.UTC(2024, 0, 1)

  let variants = 0
  const started = performance.now()
  try {
    for (let start = 0; start < count; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => {
        const n = start + k
        const row = productRow(n, refs.salesChannelId)
        const random = prng(0xd109 + n)
        const sizes = SIZES.slice(0, 1 + random.int(2))
        return { n, row, sizes }
      })
      const created = await productModule.createProducts(
        rows.map(({ n, row, sizes }) => ({
          title: title(n, count),
          subtitle: row.subtitle,
          handle: `bench-${n}`,
          description: row.description,
          thumbnail: row.thumbnail,
          status: ProductStatus.PUBLISHED,
          created_at: new Date(base + ((n * step) % count) * 60_000),
          collection_id: collectionIds[n % collectionIds.length],
          category_ids: row.categories!.map((category: any) => categoryByName.get(category.name)!),
          options: [{ title: "Size", values: sizes }],
          variants: sizes.map((size, v) => ({
            title: size,
            sku: `BENCH-${n}-${size}`,
            manage_inventory: true,
            options: { Size: size },
          })),
        })) as any,
        context
      )
      // Variants in the order of their rows, with the row's prices and stock.
      const plan = created.flatMap((product, p) =>
        rows[p].sizes.map((size, v) => {
          const variant = product.variants.find((candidate) => candidate.sku === `BENCH-${rows[p].n}-${size}`)!
          const source = rows[p].row.variants![v] as any
          return {
            variantId: variant.id,
            sku: variant.sku!,
            prices: source.prices.map(({ amount, currency_code }: any) => ({ amount, currency_code })),
            stock: source.inventory_items[0].inventory.location_levels[0].stocked_quantity + 1,
          }
        })
      )
      const priceSets = await pricing.createPriceSets(plan.map(({ prices }) => ({ prices })), context)
      const items = await inventory.createInventoryItems(plan.map(({ sku }) => ({ sku, title: sku })), context)
      await inventory.createInventoryLevels(
        items.map((item, i) => ({ inventory_item_id: item.id, location_id: refs.locationId, stocked_quantity: plan[i].stock })),
        context
      )
      await link.create([
        ...plan.map(({ variantId }, i) => ({ [Modules.PRODUCT]: { variant_id: variantId }, [Modules.PRICING]: { price_set_id: priceSets[i].id } })),
        ...plan.map(({ variantId }, i) => ({
          [Modules.PRODUCT]: { variant_id: variantId },
          [Modules.INVENTORY]: { inventory_item_id: items[i].id },
          data: { required_quantity: 1 },
        })),
        ...created.map((product) => ({ [Modules.PRODUCT]: { product_id: product.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: refs.salesChannelId } })),
      ])
      variants += plan.length
      const done = start + rows.length
      if (done % 2000 === 0 || done === count) log(`${done} products (${variants} variants) in ${Math.round((performance.now() - started) / 1000)} s`)
    }
  } finally {
    await events.clearGroupedEvents(eventGroupId)
  }
  return { products: count, variants, categoryIds, collectionIds }
}
