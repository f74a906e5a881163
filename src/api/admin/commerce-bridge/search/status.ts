import type { ConfigModule, ISearchModuleService, MedusaContainer, RemoteQueryFunction, SearchIndexDetails } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { BRIDGE_MODULE } from "../../../../modules/bridge"
import type BridgeModuleService from "../../../../modules/bridge/service"
import { QUEUE_MODULE } from "../../../../modules/queue"
import type QueueModuleService from "../../../../modules/queue/service"
import { keptProductIndexes } from "../../../../search-sync/kept-indexes"
import { SEARCH_ENGINES, SEARCH_PROVIDER_IDS } from "../../../../search-sync/module-config"
import { SEARCH_SYNC_QUEUE } from "../../../../search-sync/options"
import { isoOrNull, lastSyncs } from "./last-sync"
import { INDEXED_AT, readIndex } from "./read-index"
import type { SearchIndexView, SearchLastSync, SearchProviderView, SearchQueueCounts, SearchStatusResponse } from "./types"

/** Every registered index with its document count against the catalogue, the engine, and the sync queue. */
export async function searchStatus(container: MedusaContainer): Promise<SearchStatusResponse> {
  const search = container.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  const details = search ? await search.listIndexes() : []
  const [products, syncs, provider, queue] = await Promise.all([
    details.some((index) => index.entity === "product") ? countProducts(container) : null,
    lastSyncs(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), details.map((index) => index.name)),
    providerView(container, details),
    searchQueueCounts(container),
  ])
  const indexes = search
    ? await Promise.all(details.map((index) => indexView(search, index, products, syncs.get(index.name) ?? null)))
    : []
  return { provider, indexes, queue }
}

async function indexView(
  search: ISearchModuleService,
  index: SearchIndexDetails,
  productCount: number | null,
  lastSync: SearchLastSync | null
): Promise<SearchIndexView> {
  // One search answers both the count and, ordered by write time, the last write.
  const stamped = index.fields.some((field) => field.name === INDEXED_AT && field.sortable)
  const read = await readIndex<{ indexed_at?: string }>(search, {
    entity: index.name,
    ...(stamped ? { fields: [INDEXED_AT] } : {}),
    pagination: { take: 1, ...(stamped ? { order: { [INDEXED_AT]: "DESC" as const } } : {}) },
    search_options: { count: "exact" },
  })
  const documents = read.ok ? read.result.metadata.count ?? read.result.hits.length : null
  const products = index.entity === "product" ? productCount : null
  return {
    name: index.name,
    entity: index.entity,
    provider: index.provider,
    status: index.status,
    documents,
    products,
    drift: documents !== null && products !== null ? products - documents : null,
    degraded: !read.ok && read.degraded,
    message: read.ok ? null : read.message,
    last_write_at: read.ok && stamped ? isoOrNull(read.result.hits[0]?.document.indexed_at) : null,
    last_sync: lastSync,
  }
}

async function countProducts(container: MedusaContainer): Promise<number> {
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  // Query counts only when the pagination has a `skip`.
  const { metadata } = await query.graph({ entity: "product", fields: ["id"], pagination: { skip: 0, take: 1 } })
  return metadata!.count
}

/**
 * The provider serving CommerceBridge's product indexes (the one `SEARCH_PROVIDER` chose), with the
 * registry's last health check of its engine. Only the registry's status fields are passed on: never
 * settings, which hold the engine's host.
 */
async function providerView(container: MedusaContainer, indexes: SearchIndexDetails[]): Promise<SearchProviderView> {
  const kept = new Set(keptProductIndexes())
  const serving = indexes.find((index) => kept.has(index.name)) ?? indexes[0]
  const id = serving?.provider ?? configuredDefaultProvider(container)
  const engine = SEARCH_ENGINES.find((name) => SEARCH_PROVIDER_IDS[name] === id) ?? null
  const view: SearchProviderView = { id, engine }
  if (engine && engine !== "postgres" && container.hasRegistration(BRIDGE_MODULE)) {
    // The registry names the Meilisearch and OpenSearch integrations as SEARCH_PROVIDER names their engines.
    const integration = await container.resolve<BridgeModuleService>(BRIDGE_MODULE).describeIntegration(engine)
    const { status, checked_at, latency_ms, error } = integration.health
    view.health = { status, enabled: integration.enabled, checked_at: isoOrNull(checked_at), latency_ms, error }
  }
  return view
}

function configuredDefaultProvider(container: MedusaContainer): string | null {
  const config = container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  const search = config.modules?.[Modules.SEARCH]
  const options = typeof search === "object" && search ? (search as { options?: { default_provider?: string } }).options : undefined
  return options?.default_provider ?? null
}

async function searchQueueCounts(container: MedusaContainer): Promise<SearchQueueCounts | null> {
  if (!container.hasRegistration(QUEUE_MODULE)) return null
  const { waiting, delayed, failed, dead } = await container.resolve<QueueModuleService>(QUEUE_MODULE).counts(SEARCH_SYNC_QUEUE)
  return { waiting, delayed, failed, dead }
}
