import { container as applicationContainer } from "@medusajs/framework"
import { MedusaService } from "@medusajs/framework/utils"
import { readOpenAISettings } from "../../engagement/provider"
import type { EmbeddingCache } from "../../search-embeddings/cache"
import { EmbeddingsClient } from "../../search-embeddings/client"
import type { EmbeddingsClientOptions, ResolvedEmbeddingModel } from "../../search-embeddings/options"
import { EmbeddingsService, EmbeddingStats } from "../../search-embeddings/service"
import type { CommerceBridgeOptions } from "../bridge/types"
import { SearchEmbedding } from "./models/search-embedding"

type CachedRow = { id: string; embedding: unknown }

/**
 * Embeddings for semantic search, cached in PostgreSQL by content hash. The client follows the OpenAI
 * integration's settings (key and base URL, read at every use so an admin change applies at once);
 * `engagement.client` timeouts and retries are shared with the engagement generator.
 */
export default class SearchEmbeddingsModuleService extends MedusaService({ SearchEmbedding }) {
  private current?: { key: string; service: EmbeddingsService }
  private readonly clientOptions: Partial<EmbeddingsClientOptions>
  private readonly totals: EmbeddingStats = { requests: 0, tokens: 0, embedded: 0, cacheHits: 0 }

  constructor(container: Record<string, unknown>, options: CommerceBridgeOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const client = options.engagement?.client ?? {}
    this.clientOptions = { maxRetries: client.maxRetries, timeoutMs: client.timeoutMs }
  }

  /** The embeddings of `texts` for `model`, from the cache or the OpenAI integration's server. */
  async embed(texts: string[], model: ResolvedEmbeddingModel): Promise<number[][]> {
    if (!texts.length) return []
    const service = await this.service()
    const before = service.stats
    try {
      return await service.embed(texts, model)
    } finally {
      const after = service.stats
      for (const key of Object.keys(this.totals) as (keyof EmbeddingStats)[]) this.totals[key] += after[key] - before[key]
    }
  }

  /** Requests, tokens, texts embedded and cache hits since the process started (or `resetStats`). */
  get stats(): EmbeddingStats {
    return { ...this.totals }
  }

  resetStats() {
    for (const key of Object.keys(this.totals) as (keyof EmbeddingStats)[]) this.totals[key] = 0
  }

  private async service(): Promise<EmbeddingsService> {
    const { config } = await readOpenAISettings(applicationContainer)
    const key = JSON.stringify([config.apiKey, config.baseUrl])
    if (this.current?.key !== key) {
      const defined = Object.fromEntries(Object.entries(this.clientOptions).filter(([, value]) => value !== undefined))
      const client = new EmbeddingsClient({ ...defined, apiKey: config.apiKey, baseUrl: config.baseUrl })
      this.current = { key, service: new EmbeddingsService(client, this.cache()) }
    }
    return this.current.service
  }

  private cache(): EmbeddingCache {
    return {
      get: async (keys) => {
        if (!keys.length) return new Map()
        const rows = (await this.listSearchEmbeddings({ id: keys }, { select: ["id", "embedding"] })) as CachedRow[]
        return new Map(rows.map((row) => [row.id, row.embedding as number[]]))
      },
      set: async (entries) => {
        // Another worker may have cached the same text meanwhile: only what is still missing is written.
        const known = await this.listSearchEmbeddings({ id: entries.map((entry) => entry.key) }, { select: ["id"] })
        const seen = new Set(known.map((row: { id: string }) => row.id))
        const fresh = entries.filter((entry) => !seen.has(entry.key))
        if (fresh.length) {
          await this.createSearchEmbeddings(fresh.map(({ key, model, dimensions, embedding }) => ({ id: key, model, dimensions, embedding: embedding as any })))
        }
      },
    }
  }
}
