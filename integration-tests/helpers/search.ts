import type { ISearchModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { eventually } from "./eventually"

/**
 * Builds the product index and waits until it is ready. The runner restores the database before
 * each test, which drops the index versions the boot-time seed recorded (and cuts that seed off).
 */
export async function buildProductIndex(container: MedusaContainer, index = "product") {
  const search = container.resolve<ISearchModuleService>(Modules.SEARCH)
  await search.reindex({ index })
  await eventually(async () => {
    const details = (await search.listIndexes()).find((entry) => entry.name === index)
    if (details?.status !== "ready") throw new Error(`index ${index} is ${details?.status}`)
  }, 30_000)
}
