import type { EmbeddingCache } from "./cache"
import { embeddingCacheKey } from "./cache-key"
import type { EmbeddingsClient } from "./client"
import type { ResolvedEmbeddingModel } from "./options"

/** What embedding has cost since start (or `resetStats`): what the reindex benchmark reads. */
export interface EmbeddingStats {
  /** `POST /v1/embeddings` requests sent, retries included. */
  requests: number
  /** Tokens the server counted (its `usage.prompt_tokens`). */
  tokens: number
  /** Texts sent to the server. */
  embedded: number
  /** Texts answered without a request: found in the cache, or repeated within one call. */
  cacheHits: number
}

const emptyStats = (): EmbeddingStats => ({ requests: 0, tokens: 0, embedded: 0, cacheHits: 0 })

/**
 * Embeddings by content: each distinct text is looked up in the cache by sha256 of (model, dimensions,
 * text); only the misses go to the server, in batches of the client's `batchSize`, and are cached, so a
 * reindex of unchanged products sends nothing.
 */
export class EmbeddingsService {
  private counts = emptyStats()

  constructor(
    private readonly client: EmbeddingsClient,
    private readonly cache: EmbeddingCache
  ) {}

  get stats(): EmbeddingStats {
    return { ...this.counts }
  }

  resetStats() {
    this.counts = emptyStats()
  }

  /** The embeddings of `texts`, in order. */
  async embed(texts: string[], model: ResolvedEmbeddingModel): Promise<number[][]> {
    const keys = texts.map((text) => embeddingCacheKey(model, text))
    const found = await this.cache.get([...new Set(keys)])
    const missing = new Map<string, string>()
    keys.forEach((key, i) => found.has(key) || missing.set(key, texts[i]))
    // A text found in the cache, or repeated in this call, costs nothing.
    this.counts.cacheHits += texts.length - missing.size
    const pending = [...missing]
    for (let start = 0; start < pending.length; start += this.client.batchSize) {
      const batch = pending.slice(start, start + this.client.batchSize)
      const answer = await this.client.embed(batch.map(([, text]) => text), model)
      this.counts.requests += answer.requests
      this.counts.tokens += answer.tokens
      this.counts.embedded += batch.length
      const entries = batch.map(([key], i) => ({ key, model: model.model, dimensions: model.dimensions, embedding: answer.embeddings[i] }))
      await this.cache.set(entries)
      entries.forEach((entry) => found.set(entry.key, entry.embedding))
    }
    return keys.map((key) => found.get(key)!)
  }
}
