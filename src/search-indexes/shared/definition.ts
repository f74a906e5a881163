import type { SearchDocument, SearchIndexSettings, SearchSchema, SearchTypes } from "@medusajs/framework/types"
import { FeatureFlag, graphConsume, graphSeed, isTruthy, search } from "@medusajs/framework/utils"
import { KeptEntity, KeptIndexMark, SYNC_EVENTS } from "../sync-event"

export interface KeptIndexSource<Row> {
  entity: KeptEntity
  /** The `query.graph` entity the documents are read from. */
  graphEntity: string
  name: string
  provider?: string
  settings?: SearchIndexSettings
  mark: KeptIndexMark
  schema: SearchSchema
  graph: string[]
  toDocuments: (rows: Row[], context: SearchTypes.SearchIngestionContext) => Promise<SearchDocument[]>
}

/**
 * An index definition for a store's own `src/search/*.ts`, kept current by CommerceBridge's search-sync
 * queue: it consumes only its entity's sync event (see sync-event.ts), whose `ids` it reads back through
 * `query.graph`; a row no longer returned is deleted.
 */
export function keptIndexDefinition<Row extends Record<string, any>>(source: KeptIndexSource<Row>) {
  const graph = { entity: source.graphEntity, fields: source.graph, transform: source.toDocuments as (rows: Row[], context: SearchTypes.SearchIngestionContext) => Promise<any[]> }
  return {
    name: source.name,
    entity: source.graphEntity,
    ...(source.provider ? { provider: source.provider } : {}),
    ...(source.settings ? { settings: source.settings } : {}),
    fields: search.define(source.schema),
    events: [SYNC_EVENTS[source.entity]],
    consume: graphConsume<any, Row>({
      ...graph,
      resolve_ids: (event) => (event.data as { ids?: string[] }).ids ?? [],
      is_delete: () => false,
    }),
    seed: graphSeed<any, Row>(graph),
    commerce_bridge: source.mark,
  }
}

/**
 * Whether Medusa's Translation Module is switched on: its `translation` feature flag, which a booting
 * application registers before it reads `src/search`. Medusa's test runner reads `src/search` before it
 * registers Medusa's own flags; until then the flag's variable (`MEDUSA_FF_TRANSLATION`) is read as Medusa will.
 */
export function translationModuleEnabled(): boolean {
  if (FeatureFlag.listFlags().some((flag) => flag.key === "translation")) return FeatureFlag.isFeatureEnabled("translation")
  return isTruthy(process.env.MEDUSA_FF_TRANSLATION)
}
