import { MedusaError } from "@medusajs/framework/utils"
import type { MeilisearchProviderOptions } from "../providers/search-meilisearch/types"
import type { OpenSearchProviderOptions } from "../providers/search-opensearch/types"

export const SEARCH_ENGINES = ["postgres", "meilisearch", "opensearch"] as const
export type SearchEngine = (typeof SEARCH_ENGINES)[number]

/** The provider identifier of each engine, which index definitions and `default_provider` name. */
export const SEARCH_PROVIDER_IDS: Record<SearchEngine, string> = {
  postgres: "search-postgres",
  meilisearch: "commerce-bridge-meilisearch",
  opensearch: "commerce-bridge-opensearch",
}

export interface SearchModuleConfigOptions {
  /**
   * The engine that answers product search (`SEARCH_PROVIDER`).
   * @defaultValue "postgres"
   */
  engine?: string
  /** Meilisearch connection; required when `engine` is "meilisearch". */
  meilisearch?: Partial<MeilisearchProviderOptions>
  /** OpenSearch connection; required when `engine` is "opensearch". */
  opensearch?: Partial<OpenSearchProviderOptions>
  /**
   * Where the providers are resolved from: the installed package, or `./src` in this repository's dev store.
   * @defaultValue "@commerce-bridge/medusa"
   */
  providersFrom?: string
}

/**
 * Medusa's Search Module with the engine chosen by one setting. PostgreSQL stays registered beside
 * Meilisearch or OpenSearch (as Medusa's default config keeps it), so switching engines lets
 * `db:migrate` drop the indexes of the previous one. Engine keys stay in server config: nothing
 * the admin or the store API returns includes them.
 */
export function commerceBridgeSearchModule(options: SearchModuleConfigOptions = {}) {
  const engine = (options.engine || "postgres") as SearchEngine
  if (!SEARCH_ENGINES.includes(engine)) {
    throw invalid(`SEARCH_PROVIDER is "${engine}"; use one of ${SEARCH_ENGINES.join(", ")}`)
  }
  const from = options.providersFrom ?? "@commerce-bridge/medusa"
  // Medusa's PostgreSQL provider with vector fields added (src/providers/search-postgres); same identifier, same tables.
  const providers: Record<string, unknown>[] = [{ resolve: `${from}/providers/search-postgres`, id: "postgres", options: {} }]
  if (options.meilisearch?.host) {
    providers.push({ resolve: `${from}/providers/search-meilisearch`, id: "meilisearch", options: options.meilisearch })
  } else if (engine === "meilisearch") {
    throw invalid('SEARCH_PROVIDER is "meilisearch" but no Meilisearch host is set (MEILISEARCH_HOST, or search option meilisearch.host)')
  }
  if (options.opensearch?.node) {
    providers.push({ resolve: `${from}/providers/search-opensearch`, id: "opensearch", options: options.opensearch })
  } else if (engine === "opensearch") {
    throw invalid('SEARCH_PROVIDER is "opensearch" but no OpenSearch node is set (OPENSEARCH_NODE, or search option opensearch.node)')
  }
  return {
    resolve: "@medusajs/medusa/search",
    options: { providers, default_provider: SEARCH_PROVIDER_IDS[engine] },
  }
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `CommerceBridge search: ${message}`)
