import { MedusaModule } from "@medusajs/framework/modules-sdk"
import { KeptEntity, KeptIndexMark, SYNC_EVENTS } from "../search-indexes/sync-event"

/** An index built with one of CommerceBridge's factories, which its search-sync queue keeps current. */
export interface KeptIndex {
  name: string
  entity: KeptEntity
  /** The locale a locale index holds its text in. */
  locale?: string
  /** The index a locale index translates, where the plural factory named it. */
  base?: string
}

/** Every kept index, of every entity, or of one. */
export function keptIndexes(entity?: KeptEntity): KeptIndex[] {
  const kept: KeptIndex[] = []
  for (const definition of MedusaModule.getSearchIndexes()) {
    const mark = (definition as { commerce_bridge?: KeptIndexMark }).commerce_bridge
    const kind = (Object.keys(SYNC_EVENTS) as KeptEntity[]).find((candidate) => definition.events?.includes(SYNC_EVENTS[candidate]))
    if (!kind || (entity && kind !== entity)) continue
    kept.push({ name: definition.name, entity: kind, ...(mark?.locale ? { locale: mark.locale } : {}), ...(mark?.base ? { base: mark.base } : {}) })
  }
  return kept
}

/** Names of the product indexes built with CommerceBridge's factory. */
export function keptProductIndexes(): string[] {
  return keptIndexes("product").map((index) => index.name)
}
