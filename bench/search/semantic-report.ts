/** What bench/search/semantic.ts reports, and its console tables (shared with bench/search/index.ts). */

export interface SemanticWrite {
  index: "keyword" | "semantic"
  documents: number
  seconds: number
  docs_per_s: number
  /** The active version's table, TOAST and indexes included. */
  table_mb: number
}

export interface SemanticLatency {
  kind: "keyword" | "vector" | "hybrid" | "vector_in_stock" | "exact_sql"
  label: string
  queries: number
  p50_ms: number
  p95_ms: number
  mean_ms: number
  /** Hits per query, averaged (keyword queries on a synonym the titles lack find none). */
  mean_hits: number
  /** This kind's figures over the keyword-only query's. */
  vs_keyword: { p50: number; p95: number; mean: number }
}

/** The provider's two-stage SQL (sign bits, then cosine) at one candidate multiplier, against the exact top 20. */
export interface SemanticMultiplier {
  multiplier: number
  candidates: number
  recall_at_20: number
  recall_at_20_strict: number
  p50_ms: number
  p95_ms: number
}

export interface SemanticRun {
  products: number
  dimensions: number
  rounds: number
  query_texts: number
  take: number
  /** The provider's constants: candidates = max((skip + take) × per_hit, min). */
  candidates: { per_hit: number; min: number }
  writes: SemanticWrite[]
  /** Semantic reindex time over keyword reindex time, same documents. */
  write_ratio: number
  latency: SemanticLatency[]
  /** Vector-only search through the module over the exact brute-force SQL. */
  vector_vs_exact: { p50: number; p95: number; mean: number }
  /** Vector-only search through the module against the exact top 20; ties at the 20th score count as found. */
  recall_at_20: number
  /** The same, counting only the exact top 20's own ids. */
  recall_at_20_strict: number
  multipliers: SemanticMultiplier[]
  run_seconds: number
  notes: string[]
  [key: string]: unknown
}

export function printSemantic(run: SemanticRun) {
  console.log(
    `\nsearch: semantic search on PostgreSQL (CommerceBridge's provider), ${run.products} products, ${run.dimensions} dimensions, ` +
      `${run.query_texts} query texts × ${run.rounds} rounds, take ${run.take}`
  )
  console.table(
    Object.fromEntries(
      run.writes.map((row) => [`reindex, ${row.index}`, { documents: row.documents, seconds: row.seconds, "docs/s": row.docs_per_s, "table MB": row.table_mb }])
    )
  )
  console.log(`semantic / keyword reindex time: ${run.write_ratio}`)
  console.table(
    Object.fromEntries(
      run.latency.map((row) => [
        row.label,
        {
          queries: row.queries,
          "p50 ms": row.p50_ms,
          "p95 ms": row.p95_ms,
          "mean ms": row.mean_ms,
          "hits/query": row.mean_hits,
          "p50 vs keyword": row.vs_keyword.p50,
          "p95 vs keyword": row.vs_keyword.p95,
          "mean vs keyword": row.vs_keyword.mean,
        },
      ])
    )
  )
  const exact = run.vector_vs_exact
  console.log(`vector (module) / exact brute-force SQL: p50 ${exact.p50}, p95 ${exact.p95}, mean ${exact.mean}`)
  console.log(
    `recall@${run.take} of vector search against the exact top ${run.take}: ${run.recall_at_20} (ties at the ${run.take}th score counted; ` +
      `${run.recall_at_20_strict} by ids only); candidates = max(${run.take} × ${run.candidates.per_hit}, ${run.candidates.min})`
  )
  console.table(
    Object.fromEntries(
      run.multipliers.map((row) => [
        `× ${row.multiplier}`,
        { candidates: row.candidates, [`recall@${run.take}`]: row.recall_at_20, "recall (ids only)": row.recall_at_20_strict, "p50 ms": row.p50_ms, "p95 ms": row.p95_ms },
      ])
    )
  )
}
