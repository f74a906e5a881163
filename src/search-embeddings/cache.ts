/** Where computed embeddings are kept, by cache key (see cache-key.ts). */
export interface EmbeddingCache {
  get(keys: string[]): Promise<Map<string, number[]>>
  set(entries: { key: string; model: string; dimensions: number; embedding: number[] }[]): Promise<void>
}

/** An in-process cache, for tests and for a store without the search-embeddings module. */
export class MemoryEmbeddingCache implements EmbeddingCache {
  readonly entries = new Map<string, number[]>()

  async get(keys: string[]) {
    return new Map(keys.filter((key) => this.entries.has(key)).map((key) => [key, this.entries.get(key)!]))
  }

  async set(entries: { key: string; embedding: number[] }[]) {
    for (const entry of entries) this.entries.set(entry.key, entry.embedding)
  }
}
