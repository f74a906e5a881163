/** What bench/search/embeddings.ts reports, and its console table (shared with bench/search/index.ts). */
const round = (n: number) => Math.round(n * 100) / 100

export interface EmbeddingReindexFigures {
  run: "off" | "cold" | "warm" | "changed"
  documents: number
  seconds: number
  /** What the OpenAI fixture received and answered during the reindex. */
  embedding_requests: number
  texts_embedded: number
  tokens: number
  cost_usd: number
  /** The search-embeddings module's own counters over the same reindex. */
  module_stats: { requests: number; tokens: number; embedded: number; cacheHits: number } | null
  /** Hits of the check query after the reindex (hybrid with embeddings, keyword without). */
  check_hits: number
}

export interface EmbeddingsRun {
  products: number
  variants: number
  latency_ms_per_request: number
  model: string
  dimensions: number
  usd_per_million_tokens: number
  changed_products: number
  runs: EmbeddingReindexFigures[]
  ratios: { cold_vs_off: number; warm_vs_off: number; changed_vs_off: number; cold_vs_warm: number }
  boot_seconds: Record<string, number>
  create_seconds: Record<string, number>
  notes: string[]
  [key: string]: unknown
}

export function printEmbeddings(run: EmbeddingsRun) {
  console.log(
    `\nsearch: embedding cost per reindex of ${run.products} products (meilisearch fixture; OpenAI fixture at ${run.latency_ms_per_request} ms per ` +
      `embeddings request; ${run.model} at ${run.dimensions} dimensions, $${run.usd_per_million_tokens} per 1M tokens, one token per word)`
  )
  const off = run.runs.find((row) => row.run === "off")!.seconds
  console.table(
    Object.fromEntries(
      run.runs.map((row) => [
        row.run === "off" ? "semantic off" : row.run === "changed" ? `${run.changed_products} changed` : row.run,
        {
          seconds: row.seconds,
          "vs off": round(row.seconds / off),
          requests: row.embedding_requests,
          texts: row.texts_embedded,
          tokens: row.tokens,
          "cost USD": row.cost_usd,
          "cache hits": row.module_stats?.cacheHits ?? "-",
          "check hits": row.check_hits,
        },
      ])
    )
  )
}
