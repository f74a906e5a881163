import type { SearchIndexDetails, SearchQuery, SearchResult } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEGRADED_SEARCH_MESSAGE } from "../../../../../lib/search-degradation"
import { BRIDGE_MODULE } from "../../../../../modules/bridge"
import { QUEUE_MODULE } from "../../../../../modules/queue"
import { searchStatus } from "../status"

jest.mock("../../../../../search-sync/kept-indexes", () => ({ keptProductIndexes: () => ["product"] }))

const SECRET_URL = "https://admin:meili-secret-9@search.internal:7700"

const productIndex: SearchIndexDetails = {
  name: "product",
  entity: "product",
  provider: "commerce-bridge-meilisearch",
  status: "ready",
  fields: [{ name: "indexed_at", type: "date", searchable: false, filterable: false, sortable: true, facetable: false }],
}
const locationIndex: SearchIndexDetails = { name: "location", entity: "stock_location", provider: "commerce-bridge-meilisearch", status: "building", fields: [] }

const answer = (count: number, document: Record<string, unknown> = {}): SearchResult => ({
  hits: count ? [{ id: "doc_1", document }] : [],
  metadata: { skip: 0, take: 1, count },
})

/** A container holding fakes of what the status reads: the Search Module, its tables, query, the queue and the registry. */
function containerWith(search: (query: SearchQuery) => Promise<SearchResult>) {
  const searches: SearchQuery[] = []
  const registrations: Record<string, unknown> = {
    [Modules.SEARCH]: {
      listIndexes: async () => [productIndex, locationIndex],
      search: (query: SearchQuery) => (searches.push(query), search(query)),
    },
    [ContainerRegistrationKeys.PG_CONNECTION]: {
      raw: async () => ({
        rows: [
          {
            name: "product",
            status: "failed",
            documents_synced: "40",
            started_at: new Date("2026-01-02T03:04:05Z"),
            completed_at: new Date("2026-01-02T03:05:00Z"),
            error: `request to ${SECRET_URL}/indexes failed`,
          },
        ],
      }),
    },
    [ContainerRegistrationKeys.QUERY]: { graph: async () => ({ data: [{ id: "prod_1" }], metadata: { skip: 0, take: 1, count: 52 } }) },
    [ContainerRegistrationKeys.CONFIG_MODULE]: { modules: {} },
    [QUEUE_MODULE]: { counts: async () => ({ waiting: 2, active: 1, delayed: 3, completed: 9, failed: 1, dead: 4, paused: false }) },
    [BRIDGE_MODULE]: {
      describeIntegration: async (name: string) => ({
        name,
        enabled: true,
        settings: { host: { value: SECRET_URL, source: "config" } },
        health: { status: "down", latency_ms: 12, checked_at: new Date("2026-01-02T03:00:00Z"), error: "connect ECONNREFUSED", details: null },
      }),
    },
  }
  const container = { resolve: (key: string) => registrations[key], hasRegistration: (key: string) => key in registrations } as any
  return { container, searches }
}

describe("searchStatus", () => {
  it("reports an unreachable engine as degraded, without a made-up count, and never passes on the engine's settings", async () => {
    const { container } = containerWith(async (query) =>
      query.entity === "product"
        ? { ...answer(0), provider_metadata: { degraded: true, reason: "engine_unreachable", message: DEGRADED_SEARCH_MESSAGE } }
        : answer(7)
    )
    const status = await searchStatus(container)

    expect(status.provider).toEqual({
      id: "commerce-bridge-meilisearch",
      engine: "meilisearch",
      health: { status: "down", enabled: true, checked_at: "2026-01-02T03:00:00.000Z", latency_ms: 12, error: "connect ECONNREFUSED" },
    })
    expect(status.indexes[0]).toEqual({
      name: "product",
      entity: "product",
      provider: "commerce-bridge-meilisearch",
      status: "ready",
      documents: null,
      products: 52,
      drift: null,
      degraded: true,
      message: DEGRADED_SEARCH_MESSAGE,
      last_write_at: null,
      last_sync: {
        status: "failed",
        documents_synced: 40,
        started_at: "2026-01-02T03:04:05.000Z",
        completed_at: "2026-01-02T03:05:00.000Z",
        error: "request to https://[redacted]@search.internal:7700/indexes failed",
      },
    })
    expect(status.queue).toEqual({ waiting: 2, delayed: 3, failed: 1, dead: 4 })
    expect(JSON.stringify(status)).not.toContain("meili-secret-9")
  })

  it("counts an index of another entity without products or drift, and reads the last write where documents are stamped", async () => {
    const { container, searches } = containerWith(async (query) => (query.entity === "product" ? answer(50, { indexed_at: "2026-01-02T04:00:00Z" }) : answer(7)))
    const [product, location] = (await searchStatus(container)).indexes

    expect(product).toMatchObject({ documents: 50, products: 52, drift: 2, degraded: false, message: null, last_write_at: "2026-01-02T04:00:00.000Z" })
    expect(location).toMatchObject({ name: "location", entity: "stock_location", status: "building", documents: 7, products: null, drift: null, last_write_at: null, last_sync: null })
    expect(searches).toEqual([
      { entity: "product", fields: ["indexed_at"], pagination: { take: 1, order: { indexed_at: "DESC" } }, search_options: { count: "exact" } },
      { entity: "location", pagination: { take: 1 }, search_options: { count: "exact" } },
    ])
  })

  it("reports a failed search as an unknown count with its message, not as a degraded engine", async () => {
    const { container } = containerWith(async () => {
      throw new Error(`Search index "product" has no active version (${SECRET_URL})`)
    })
    const [product] = (await searchStatus(container)).indexes
    expect(product).toMatchObject({ documents: null, drift: null, degraded: false })
    expect(product.message).toContain("has no active version")
    expect(product.message).not.toContain("meili-secret-9")
  })
})
