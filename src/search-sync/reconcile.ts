import type { ISearchModuleService, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SEARCH_SYNC_MODULE } from "../modules/search-sync"
import type SearchSyncModuleService from "../modules/search-sync/service"
import { keptProductIndexes } from "./kept-indexes"

export interface ReconcileReport {
  index: string
  /** "skipped" when the index is not ready or its engine is unreachable. */
  outcome: "in_step" | "repaired" | "reindexing" | "skipped"
  products: number
  documents: number | null
  /** Products without a document, queued for a rewrite. */
  missing: number
  /** Documents older than their product, queued for a rewrite. */
  stale: number
  reason?: string
}

const PAGE = 500

interface IndexedProduct {
  id: string
  updated_at?: string | number | null
}

/**
 * Compares each kept product index with the catalogue and repairs it through the search-sync queue:
 * products without a document, or whose document is older than the product, are rewritten. Extra
 * documents (products deleted while no event reached the index) cannot be found page by page, so
 * an index still holding more documents than there are products is rebuilt.
 */
export async function reconcileSearchIndexes(container: MedusaContainer): Promise<ReconcileReport[]> {
  const search = container.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  if (!search) return []
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  const sync = container.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE)
  const ready = new Set((await search.listIndexes()).filter((index) => index.status === "ready").map((index) => index.name))
  const reports: ReconcileReport[] = []
  for (const index of keptProductIndexes()) {
    if (!ready.has(index)) {
      reports.push({ index, outcome: "skipped", products: 0, documents: null, missing: 0, stale: 0, reason: "index not ready" })
      continue
    }
    reports.push(await reconcileIndex(index, { search, query, sync }))
  }
  return reports
}

async function reconcileIndex(
  index: string,
  { search, query, sync }: { search: ISearchModuleService; query: RemoteQueryFunction; sync: SearchSyncModuleService }
): Promise<ReconcileReport> {
  const counted = await search.search({ entity: index, fields: ["id"], pagination: { take: 1 } })
  if (counted.provider_metadata?.degraded) {
    return { index, outcome: "skipped", products: 0, documents: null, missing: 0, stale: 0, reason: "engine unreachable" }
  }
  let products = 0
  let missing = 0
  let stale = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({ entity: "product", fields: ["id", "updated_at"], pagination: { skip, take: PAGE, order: { id: "ASC" } } })
    if (!data.length) break
    products += data.length
    const indexed = await indexedProducts(search, index, data.map((row: { id: string }) => row.id))
    const repair: string[] = []
    for (const row of data as { id: string; updated_at: string | Date }[]) {
      const document = indexed.get(row.id)
      if (!document) missing++
      else if (isOlder(document.updated_at, row.updated_at)) stale++
      else continue
      repair.push(row.id)
    }
    if (repair.length) await sync.queueProducts(repair)
    if (data.length < PAGE) break
  }
  const documents = counted.metadata.count ?? 0
  if (documents - missing > products) {
    await search.reindex({ index })
    return { index, outcome: "reindexing", products, documents, missing, stale, reason: `${documents - missing - products} documents without a product` }
  }
  return { index, outcome: missing || stale ? "repaired" : "in_step", products, documents, missing, stale }
}

async function indexedProducts(search: ISearchModuleService, index: string, ids: string[]): Promise<Map<string, IndexedProduct>> {
  const { hits } = await search.search<IndexedProduct>({
    entity: index,
    filters: { id: { $in: ids } },
    fields: ["id", "updated_at"],
    pagination: { take: ids.length },
  })
  return new Map(hits.map((hit) => [hit.id, hit.document]))
}

/** Engines hand dates back as ISO strings or epoch milliseconds. */
export function isOlder(documentDate: IndexedProduct["updated_at"], productDate: string | Date): boolean {
  if (documentDate == null) return true
  return new Date(documentDate).getTime() < new Date(productDate).getTime()
}
