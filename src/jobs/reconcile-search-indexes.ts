import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileSearchIndexes } from "../search-sync/reconcile"

/** Repairs what the catalogue's events did not bring to CommerceBridge's product, category and collection indexes. */
export default async function reconcileSearchIndexesJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const report of await reconcileSearchIndexes(container)) {
    if (report.outcome === "in_step") continue
    const counts = `${report.records} ${report.entity} records, ${report.documents ?? "?"} documents, ${report.missing} missing, ${report.stale} stale`
    logger.info(`CommerceBridge search: index ${report.index} ${report.outcome} (${counts})${report.reason ? `: ${report.reason}` : ""}`)
  }
}

export const config = {
  name: "commerce-bridge-reconcile-search-indexes",
  schedule: "*/15 * * * *",
}
