import { MedusaError } from "@medusajs/framework/utils"
import type { TextEmbedder } from "../../search-embeddings/provider-vectors"

/** Options of the OpenSearch search provider. */
export interface OpenSearchProviderOptions {
  /** OpenSearch URL, e.g. `https://search.example.com:9200` or `http://127.0.0.1:9200`. */
  node: string
  /** HTTP Basic auth user (security plugin). */
  username?: string
  password?: string
  /**
   * Prepended to every index name, so stores can share one cluster.
   * @defaultValue ""
   */
  indexPrefix?: string
  /**
   * Largest NDJSON payload of one `_bulk` request; bigger writes are split.
   * @defaultValue 5_000_000 (bytes)
   */
  maxBatchBytes?: number
  /**
   * Milliseconds a request may take.
   * @defaultValue 10000
   */
  timeoutMs?: number
  /**
   * `"wait_for"` makes every write return once it is searchable (slower writes, no `waitForTask` needed);
   * `false` returns at once and `waitForTask` refreshes the index.
   * @defaultValue false
   */
  refresh?: "wait_for" | false
  /**
   * Embeds `search_options.vector.query` (and text written to an `embed` vector field), like the PostgreSQL
   * provider's `embedder` option.
   * @defaultValue CommerceBridge's search-embeddings module: the OpenAI integration's server, cached by content hash
   */
  embedder?: TextEmbedder
}

export const DEFAULT_OPENSEARCH_OPTIONS = {
  indexPrefix: "",
  maxBatchBytes: 5_000_000,
  timeoutMs: 10_000,
  refresh: false,
} satisfies Partial<OpenSearchProviderOptions>

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `OpenSearch search provider: ${message}`)

/** Throws INVALID_DATA naming the first missing or malformed option. */
export function validateOpenSearchOptions(options: Partial<OpenSearchProviderOptions>) {
  if (!options?.node) throw invalid('option "node" is required')
  if (!/^https?:\/\/[^/]/.test(options.node)) throw invalid('option "node" must be an http(s) URL')
  for (const name of ["maxBatchBytes", "timeoutMs"] as const) {
    const value = options[name]
    if (value !== undefined && !(typeof value === "number" && value > 0)) throw invalid(`option "${name}" must be a positive number`)
  }
  if (options.refresh !== undefined && options.refresh !== false && options.refresh !== "wait_for") throw invalid('option "refresh" must be "wait_for" or false')
  if (options.password !== undefined && !options.username) throw invalid('option "username" is required with "password"')
}
