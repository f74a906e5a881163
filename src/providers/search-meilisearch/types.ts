import type { TextEmbedder } from "../../search-embeddings/provider-vectors"

/** Options of the Meilisearch search provider. */
export interface MeilisearchProviderOptions {
  /** Meilisearch URL, e.g. `https://ms-xyz.meilisearch.io` or `http://127.0.0.1:7700`. */
  host: string
  /** An admin API key (never sent to browsers). */
  apiKey?: string
  /**
   * Prepended to every index name, so stores can share one Meilisearch project.
   * @defaultValue ""
   */
  indexPrefix?: string
  /**
   * Largest JSON payload of one document write; bigger writes are split.
   * @defaultValue 5_000_000 (bytes)
   */
  maxBatchBytes?: number
  /**
   * Milliseconds a request may take.
   * @defaultValue 10000
   */
  timeoutMs?: number
  /**
   * Milliseconds `waitForTask` waits for Meilisearch to apply a write.
   * @defaultValue 60000
   */
  taskTimeoutMs?: number
  /**
   * Milliseconds between two task status checks in `waitForTask`; the client's own 50 ms caps
   * one-product writes near 18 a second.
   * @defaultValue 10
   */
  taskPollIntervalMs?: number
  /**
   * Embeds `search_options.vector.query` (and text written to an `embed` vector field), like the PostgreSQL
   * provider's `embedder` option.
   * @defaultValue CommerceBridge's search-embeddings module: the OpenAI integration's server, cached by content hash
   */
  embedder?: TextEmbedder
}

export const DEFAULT_MEILISEARCH_OPTIONS = {
  indexPrefix: "",
  maxBatchBytes: 5_000_000,
  timeoutMs: 10_000,
  taskTimeoutMs: 60_000,
  taskPollIntervalMs: 10,
} satisfies Partial<MeilisearchProviderOptions>
