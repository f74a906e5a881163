/** How a product index's semantic field is embedded (the `semantic` option of `productSearchIndex`). */
export interface EmbeddingModelOptions {
  /**
   * The embeddings model of the OpenAI integration's server (any OpenAI-compatible one).
   * @defaultValue "text-embedding-3-small"
   */
  model?: string
  /**
   * Components of each embedding; sent as `dimensions` (text-embedding-3 models shorten their vectors).
   * @defaultValue 1536
   */
  dimensions?: number
}

/** How the embeddings client talks to the server. */
export interface EmbeddingsClientOptions {
  /** The OpenAI integration's key. */
  apiKey: string
  /** The OpenAI integration's base URL (ending in /v1); OpenAI's own when unset. */
  baseUrl?: string
  /**
   * Texts sent in one `POST /v1/embeddings` (OpenAI accepts up to 2,048).
   * @defaultValue 256
   */
  batchSize?: number
  /**
   * Retries of a 429, 5xx or network failure, honouring Retry-After.
   * @defaultValue 4
   */
  maxRetries?: number
  /**
   * Milliseconds one request may take.
   * @defaultValue 30000
   */
  timeoutMs?: number
}

export const DEFAULT_EMBEDDING_MODEL = { model: "text-embedding-3-small", dimensions: 1536 } satisfies Required<EmbeddingModelOptions>

export const DEFAULT_EMBEDDINGS_CLIENT = { batchSize: 256, maxRetries: 4, timeoutMs: 30_000 } satisfies Partial<EmbeddingsClientOptions>

export type ResolvedEmbeddingModel = Required<EmbeddingModelOptions>

export function resolveEmbeddingModel(options: EmbeddingModelOptions = {}): ResolvedEmbeddingModel {
  const resolved = { model: options.model ?? DEFAULT_EMBEDDING_MODEL.model, dimensions: options.dimensions ?? DEFAULT_EMBEDDING_MODEL.dimensions }
  if (typeof resolved.model !== "string" || !resolved.model) throw new TypeError("semantic.model must be a model name")
  if (!Number.isInteger(resolved.dimensions) || resolved.dimensions < 1) throw new TypeError("semantic.dimensions must be a positive integer")
  return resolved
}
