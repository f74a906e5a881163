import type { ISearchModuleService, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { KeptEntity } from "../search-indexes/sync-event"
import { keptIndexes } from "./kept-indexes"
import { queueCatalogueReindex } from "./queue-reindex"

export interface ReconcileReport {
  index: string
  entity: KeptEntity
  /** "skipped" when the index is not ready or its engine is unreachable. */
  outcome: "in_step" | "repaired" | "reindexing" | "skipped"
  /** Products, categories or collections in the catalogue. */
  records: number
  documents: number | null
  /** Records without a document, queued for a rewrite. */
  missing: number
  /** Documents older than their record, queued for a rewrite. */
  stale: number
  reason?: string
}

const PAGE = 500

interface IndexedRecord {
  id: string
  updated_at?: string | number | null
}

/** The `query.graph` entity each kept index holds. */
const GRAPH_ENTITIES: Record<KeptEntity, string> = { product: "product", category: "product_category", collection: "product_collection" }

/**
 * Compares each kept index (products, categories, collections, locale indexes too) with the catalogue
 * and repairs it through the search-sync queue: records without a document, or whose document is older
 * than the record, are rewritten. Extra documents (records deleted while no event reached the index)
 * cannot be found page by page, so an index still holding more documents than there are records is rebuilt.
 */
export async function reconcileSearchIndexes(container: MedusaContainer): Promise<ReconcileReport[]> {
  const search = container.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  if (!search) return []
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  const repair = (entity: KeptEntity, ids: string[]) => queueCatalogueReindex(container, entity, ids)
  const ready = new Set((await search.listIndexes()).filter((index) => index.status === "ready").map((index) => index.name))
  const reports: ReconcileReport[] = []
  for (const { name: index, entity } of keptIndexes()) {
    if (!ready.has(index)) {
      reports.push({ index, entity, outcome: "skipped", records: 0, documents: null, missing: 0, stale: 0, reason: "index not ready" })
      continue
    }
    reports.push(await reconcileIndex(index, entity, { search, query, repair }))
  }
  return reports
}

async function reconcileIndex(
  index: string,
  entity: KeptEntity,
  { search, query, repair }: { search: ISearchModuleService; query: RemoteQueryFunction; repair: (entity: KeptEntity, ids: string[]) => Promise<string> }
): Promise<ReconcileReport> {
  const counted = await search.search({ entity: index, fields: ["id"], pagination: { take: 1 } })
  if (counted.provider_metadata?.degraded) {
    return { index, entity, outcome: "skipped", records: 0, documents: null, missing: 0, stale: 0, reason: "engine unreachable" }
  }
  let records = 0
  let missing = 0
  let stale = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({ entity: GRAPH_ENTITIES[entity], fields: ["id", "updated_at"], pagination: { skip, take: PAGE, order: { id: "ASC" } } })
    if (!data.length) break
    records += data.length
    const indexed = await indexedRecords(search, index, data.map((row: { id: string }) => row.id))
    const outdated: string[] = []
    for (const row of data as { id: string; updated_at: string | Date }[]) {
      const document = indexed.get(row.id)
      if (!document) missing++
      else if (isOlder(document.updated_at, row.updated_at)) stale++
      else continue
      outdated.push(row.id)
    }
    if (outdated.length) await repair(entity, outdated)
    if (data.length < PAGE) break
  }
  const documents = counted.metadata.count ?? 0
  if (documents - missing > records) {
    await search.reindex({ index })
    return { index, entity, outcome: "reindexing", records, documents, missing, stale, reason: `${documents - missing - records} documents without a ${entity}` }
  }
  return { index, entity, outcome: missing || stale ? "repaired" : "in_step", records, documents, missing, stale }
}

async function indexedRecords(search: ISearchModuleService, index: string, ids: string[]): Promise<Map<string, IndexedRecord>> {
  const { hits } = await search.search<IndexedRecord>({
    entity: index,
    filters: { id: { $in: ids } },
    fields: ["id", "updated_at"],
    pagination: { take: ids.length },
  })
  return new Map(hits.map((hit) => [hit.id, hit.document]))
}

/** Engines hand dates back as ISO strings or epoch milliseconds. */
export function isOlder(documentDate: IndexedRecord["updated_at"], recordDate: string | Date): boolean {
  if (documentDate == null) return true
  return new Date(documentDate).getTime() < new Date(recordDate).getTime()
}
