/**
 * The engines of a run: Medusa's PostgreSQL provider on the real local PostgreSQL, and our Meilisearch and
 * OpenSearch providers on the local fixtures (in this process), each with its HTTP request counter.
 */
import postgresProvider from "@medusajs/search-postgres"
import { startMeilisearchFixture } from "../../integration-tests/__fixtures__/meilisearch"
import { startOpenSearchFixture } from "../../integration-tests/__fixtures__/opensearch"
import meilisearchProvider from "../../src/providers/search-meilisearch"
import opensearchProvider from "../../src/providers/search-opensearch"
import { SEARCH_PROVIDER_IDS } from "../../src/search-sync/module-config"

export const ENGINES = ["postgres", "meilisearch", "opensearch"] as const
export type EngineName = (typeof ENGINES)[number]

export interface BenchEngine {
  name: EngineName
  /** The provider identifier index definitions bind to. */
  identifier: string
  /** The Search Module's provider registration. */
  registration: { resolve: unknown; id: string; options: Record<string, unknown> }
  /** HTTP requests the engine received so far; PostgreSQL has none (its round trips are SQL statements). */
  httpRequests(): number | null
  close(): Promise<void>
}

const MASTER_KEY = "bench-master-key-0123456789"

export async function startEngine(name: EngineName): Promise<BenchEngine> {
  const identifier = SEARCH_PROVIDER_IDS[name]
  if (name === "meilisearch") {
    // The fixture's default task steps (5 ms enqueued, 5 ms processing) stand in for engine-side indexing time.
    const fixture = await startMeilisearchFixture({ masterKey: MASTER_KEY })
    return {
      name,
      identifier,
      registration: { resolve: meilisearchProvider, id: "meilisearch", options: { host: fixture.url, apiKey: MASTER_KEY } },
      httpRequests: () => fixture.requests,
      close: () => fixture.close(),
    }
  }
  if (name === "opensearch") {
    const fixture = await startOpenSearchFixture()
    return {
      name,
      identifier,
      registration: { resolve: opensearchProvider, id: "opensearch", options: { node: fixture.url } },
      httpRequests: () => fixture.requests.count,
      close: () => fixture.close(),
    }
  }
  return {
    name,
    identifier,
    registration: { resolve: postgresProvider, id: "postgres", options: { engine: "native" } },
    httpRequests: () => null,
    close: async () => {},
  }
}
