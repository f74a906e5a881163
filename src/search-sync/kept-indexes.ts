import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { PRODUCT_SYNC_EVENT } from "../search-indexes/sync-event"

/** Names of the indexes built with CommerceBridge's factories, which its search-sync queue keeps current. */
export function keptProductIndexes(): string[] {
  return MedusaModule.getSearchIndexes()
    .filter((definition) => definition.events?.includes(PRODUCT_SYNC_EVENT))
    .map((definition) => definition.name)
}
