import type { ISearchModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { eventually } from "./eventually"

let bootSeedWaited = false
const QUIET_MS = 1_500

/**
 * Waits out the Search Module's boot-time seed, once per test process. It builds the registered indexes
 * one after the other in the background, from a plan made at boot, and would otherwise make its own
 * version of an index active after the test built one. It is over once no index is building and the
 * indexes' states have stayed the same for a moment.
 */
async function bootSeedSettled(search: ISearchModuleService) {
  if (bootSeedWaited) return
  bootSeedWaited = true
  const deadline = Date.now() + 30_000
  let last = ""
  let quietSince = Date.now()
  while (Date.now() < deadline) {
    const states = (await search.listIndexes()).map((index) => `${index.name}:${index.status}`).join(",")
    if (states !== last || states.includes(":building")) {
      last = states
      quietSince = Date.now()
    } else if (Date.now() - quietSince >= QUIET_MS) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Builds a search index and waits until it is ready. The runner restores the database before each
 * test, which drops the index versions the boot-time seed recorded (and cuts that seed off).
 */
export async function buildSearchIndex(container: MedusaContainer, index: string) {
  const search = container.resolve<ISearchModuleService>(Modules.SEARCH)
  await bootSeedSettled(search)
  await search.reindex({ index })
  await eventually(async () => {
    const details = (await search.listIndexes()).find((entry) => entry.name === index)
    if (details?.status !== "ready") throw new Error(`index ${index} is ${details?.status}`)
  }, 30_000)
}

/** Builds the product index (or the one named) and waits until it is ready. */
export const buildProductIndex = (container: MedusaContainer, index = "product") => buildSearchIndex(container, index)

/** Builds each of these indexes, one after the other. */
export async function buildSearchIndexes(container: MedusaContainer, indexes: string[]) {
  for (const index of indexes) await buildSearchIndex(container, index)
}
