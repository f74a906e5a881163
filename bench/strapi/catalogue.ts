/**
 * The bench catalogue: `count` products (title, subtitle, handle, description, status and thumbnail of
 * bench/search's seeded catalogue) written through the Product Module in batches of 500. Their
 * `product.created` events are held in an event group and dropped: nothing but the full sync under test
 * pushes them to Strapi, and no subscriber works through 5,000 events while the sync is measured.
 */
import { randomUUID } from "crypto"
import type { IEventBusModuleService, IProductModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { productRow } from "../search/catalogue"

const BATCH = 500

export async function createCatalogue(container: MedusaContainer, count: number): Promise<number> {
  const products = container.resolve<IProductModuleService>(Modules.PRODUCT)
  const events = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  const eventGroupId = `bench-strapi-${randomUUID()}`
  let created = 0
  try {
    for (let start = 0; start < count; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => {
        const { title, subtitle, handle, description, status, thumbnail } = productRow(start + k, "")
        return { title, subtitle, handle, description, status: status as "published" | "draft", thumbnail }
      })
      created += (await products.createProducts(batch, { eventGroupId } as any)).length
    }
  } finally {
    await events.clearGroupedEvents(eventGroupId)
  }
  return created
}
