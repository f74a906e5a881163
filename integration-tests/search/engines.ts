import type { SearchIndexInfo, SearchTask } from "@medusajs/framework/types"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import meilisearchProvider, { MeilisearchSearchService } from "../../src/providers/search-meilisearch"
import opensearchProvider, { OpenSearchSearchService } from "../../src/providers/search-opensearch"
import postgresProvider from "../../src/providers/search-postgres"
import { MeilisearchFixture, startMeilisearchFixture } from "../__fixtures__/meilisearch"
import { fixtureEmbedding } from "../__fixtures__/openai/embeddings"
import { OpenSearchFixture, startOpenSearchFixture } from "../__fixtures__/opensearch"
import { EMBEDDING_DIMENSIONS } from "./contract-index"

/** A second client of the engine under test, for what the Search Module leaves to its caller. */
export interface EngineProbe {
  listIndexes(): Promise<SearchIndexInfo[]>
  waitForTask?(task: SearchTask): Promise<SearchTask>
}

export interface ContractEngine {
  /** Names the engine in test titles, e.g. "meilisearch fixture". */
  name: string
  /** Registered as the Search Module's only provider. `options` is the object the module hands the provider. */
  provider: { resolve: unknown; id: string; options: Record<string, any> }
  /** Whether the engine honours `search_options.locales`; the contract says an engine that cannot must reject it. */
  honoursLocales: boolean
  start(): Promise<void>
  /** Drops whatever a failed run left under this run's prefix, then stops a fixture. */
  stop(): Promise<void>
  /** Gives the next test's physical indexes a prefix of their own (Postgres: each test gets a fresh schema instead). */
  usePrefix(prefix: string): void
  /** A client on the same engine with the same options; Postgres reads through the test's entity manager. */
  probe(manager: unknown): EngineProbe
}

type PostgresManager = ConstructorParameters<typeof PostgresSearchService>[0]["manager"]

const MASTER_KEY = "contract-master-key-1234567890"
const OPENSEARCH_AUTH = { username: "admin", password: "Contract-Passw0rd!" }

function postgres(): ContractEngine {
  return {
    name: "postgres (Medusa's provider with CommerceBridge's vector fields)",
    // Medusa's provider option for `embed` fields, a function of one text; the other engines find the app's embedder.
    provider: { resolve: postgresProvider, id: "postgres", options: { embedder: async (text: string) => fixtureEmbedding(text, EMBEDDING_DIMENSIONS) } },
    honoursLocales: false,
    start: async () => {},
    stop: async () => {},
    usePrefix: () => {},
    probe: (manager) => new PostgresSearchService({ manager: manager as PostgresManager }, {}),
  }
}

type VendorSpec = {
  name: string
  resolve: unknown
  id: string
  options: Record<string, any>
  honoursLocales: boolean
  client: (options: Record<string, any>) => EngineProbe & { deleteIndex(input: { index: string }): Promise<SearchTask> }
  start?: (options: Record<string, any>) => Promise<() => Promise<void>>
}

/** Meilisearch or OpenSearch, on a fixture or a real server; physical names carry `<run prefix><test>_`. */
function vendor(spec: VendorSpec, runPrefix: string): ContractEngine {
  const options = { ...spec.options, indexPrefix: runPrefix }
  let close = async () => {}
  return {
    name: spec.name,
    provider: { resolve: spec.resolve, id: spec.id, options },
    honoursLocales: spec.honoursLocales,
    start: async () => {
      if (spec.start) close = await spec.start(options)
    },
    stop: async () => {
      const sweeper = spec.client({ ...options, indexPrefix: runPrefix })
      for (const { name } of await sweeper.listIndexes()) await sweeper.deleteIndex({ index: name })
      await close()
    },
    usePrefix: (prefix) => {
      options.indexPrefix = prefix
    },
    probe: () => spec.client({ ...options }),
  }
}

const meilisearch = (options: Record<string, any>) => new MeilisearchSearchService({}, options as any)
const opensearch = (options: Record<string, any>) => new OpenSearchSearchService({}, options as any)

/** The engines this run covers: Postgres and both fixtures always, real servers when their variables are set. */
export function contractEngines(runPrefix: string, env = process.env): ContractEngine[] {
  const meili = { resolve: meilisearchProvider, id: "meilisearch", honoursLocales: true, client: meilisearch }
  const open = { resolve: opensearchProvider, id: "opensearch", honoursLocales: false, client: opensearch }
  const engines = [
    postgres(),
    vendor(
      {
        ...meili,
        name: "meilisearch fixture",
        options: { apiKey: MASTER_KEY },
        start: async (options) => {
          const fixture: MeilisearchFixture = await startMeilisearchFixture({ masterKey: MASTER_KEY, taskDelayMs: 1 })
          options.host = fixture.url
          return () => fixture.close()
        },
      },
      runPrefix
    ),
    vendor(
      {
        ...open,
        name: "opensearch fixture",
        options: { ...OPENSEARCH_AUTH },
        start: async (options) => {
          const fixture: OpenSearchFixture = await startOpenSearchFixture(OPENSEARCH_AUTH)
          options.node = fixture.url
          return () => fixture.close()
        },
      },
      runPrefix
    ),
  ]
  if (env.MEILISEARCH_HOST) {
    const options = { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY }
    engines.push(vendor({ ...meili, name: `meilisearch at ${env.MEILISEARCH_HOST}`, options }, runPrefix))
  }
  if (env.OPENSEARCH_NODE) {
    const options = { node: env.OPENSEARCH_NODE, username: env.OPENSEARCH_USERNAME, password: env.OPENSEARCH_PASSWORD }
    engines.push(vendor({ ...open, name: `opensearch at ${env.OPENSEARCH_NODE}`, options }, runPrefix))
  }
  return engines
}
