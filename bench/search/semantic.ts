/**
 * Semantic search on plain PostgreSQL (src/providers/search-postgres): write cost, query latency and recall:
 * `node -r ts-node/register/transpile-only bench/search/semantic.ts <products> <rounds>` (10,000 and 5 by default;
 * BENCH_SEMANTIC_DIMENSIONS, 1536).
 *
 * Boots the Search Module with CommerceBridge's PostgreSQL provider only, on a database of its own, with two indexes
 * of the same generated products (title, description, in_stock, price): `product_semantic` adds a vector field
 * `embedding` (`embed: true`), each document carrying its fixture embedding as numbers (no embedder call at write
 * time); `product_keyword` has no vector field. The fixture embedder (integration-tests/__fixtures__/openai) is
 * registered in the application container for query texts.
 *
 * 1. Writes: one unmeasured reindex of 1,000 products per index, then the Search Module's reindex of all products,
 *    keyword index first: documents/s, and semantic time over keyword time.
 * 2. Latency: a fixed mix of query texts (word-list words, and synonyms the fixture knows), one unmeasured round, then
 *    `<rounds>` rounds, take 20, through `search()`: keyword only (the baseline), vector only, hybrid (ratio 0.5),
 *    vector only with `in_stock: true`; and the exact nearest neighbours in SQL (cosine over every row, no sign-bit
 *    first pass). p50 / p95 / mean, each over keyword only, and vector only over exact SQL.
 * 3. Recall@20 of vector only against the exact top 20 by cosine (SQL over every row), and of the provider's two-stage
 *    SQL (nearest sign bits, then cosine) run here directly at several candidate multipliers.
 */
import { container } from "@medusajs/framework"
import { asValue } from "@medusajs/framework/awilix"
import type { ISearchModuleService, SearchDocument, SearchFieldDefinition, SearchIndexDefinition } from "@medusajs/framework/types"
import postgresProvider, { SemanticPostgresSearchService } from "../../src/providers/search-postgres"
import { CANDIDATES_PER_HIT, embeddingSql, MIN_CANDIDATES, signsSql, unitLength, vectorColumns } from "../../src/providers/search-postgres/vectors"
import { SEARCH_EMBEDDINGS_MODULE_KEY, TextEmbedder } from "../../src/search-embeddings/provider-vectors"
import { fixtureEmbedding } from "../../integration-tests/__fixtures__/openai/embeddings"
import { percentile } from "../notifications/measure"
import { ADJECTIVES, MATERIALS, NOUNS, prng } from "./catalogue"
import { startSearchModule } from "./module"
import { reportResult } from "./report"
import { printSemantic, SemanticLatency, SemanticMultiplier, SemanticRun, SemanticWrite } from "./semantic-report"

const PRODUCTS = Number(process.argv[2] ?? 10_000)
const ROUNDS = Number(process.argv[3] ?? 5)
const DIMENSIONS = Number(process.env.BENCH_SEMANTIC_DIMENSIONS || 1536)
const TAKE = 20
const WARM_UP_PRODUCTS = 1_000
const MULTIPLIERS = [5, 10, 20, 50]
const SEMANTIC = "product_semantic"
const KEYWORD = "product_keyword"
/** The identifier definitions bind to and the module registers the provider under (Medusa's: "search-postgres"). */
const PROVIDER = SemanticPostgresSearchService.identifier
const log = (message: string) => process.stderr.write(`[search bench] semantic: ${message}\n`)
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

/** Catalogue words (materials, nouns, adjectives) and synonyms the fixture maps onto them (jumper → sweater, …). */
const QUERY_TEXTS = [
  "wool jumper", "cashmere pullover", "cotton tee", "linen t-shirt", "leather sneakers", "canvas trainers", "fleece hoodie", "warm jumper",
  "linen shirt", "wool sweater", "denim jacket", "leather boots", "merino scarf", "canvas tote", "suede belt", "silk dress",
  "tweed blazer", "nylon parka", "corduroy trousers", "velvet skirt", "waterproof nylon parka", "slim denim jeans", "oversized wool coat",
  "organic cotton polo", "quilted fleece vest", "ribbed merino beanie", "gloves", "cashmere", "striped shirt", "breathable running shoes",
]

const FIELDS: Record<string, SearchFieldDefinition> = {
  id: { type: "keyword", filterable: true },
  title: { type: "text", searchable: { weight: 3 } },
  description: { type: "text", searchable: true },
  in_stock: { type: "boolean", filterable: true },
  price: { type: "float", filterable: true, sortable: true },
}

/** Product `n`: "<adjective> <material> <noun>", a few words of description, its embedding as numbers. */
function product(n: number): SearchDocument {
  const random = prng(0x5e3a + n * 7919)
  const [adjective, material, noun] = [random.pick(ADJECTIVES), random.pick(MATERIALS), random.pick(NOUNS)]
  const title = `${adjective[0].toUpperCase()}${adjective.slice(1)} ${material} ${noun}`
  const description = `A ${random.pick(ADJECTIVES)} ${noun} in ${material}, ${random.pick(ADJECTIVES)} and ${random.pick(ADJECTIVES)}`
  return {
    id: `prod_sem${String(n).padStart(7, "0")}`,
    title,
    description,
    in_stock: random.next() >= 0.15,
    price: 5 + random.int(29_500) / 100,
    embedding: fixtureEmbedding(`${title} ${description}`, DIMENSIONS),
  }
}

/** An index of the bench's fields (plus `extra`), its seed yielding the first `source.count` documents. */
function benchIndex(name: string, documents: SearchDocument[], source: { count: number }, extra: Record<string, SearchFieldDefinition> = {}): SearchIndexDefinition {
  return {
    name,
    entity: "product",
    provider: PROVIDER,
    fields: { ...FIELDS, ...extra },
    seed: async function* ({ catchup }) {
      if (catchup) return
      for (let i = 0; i < source.count; i += 1000) yield [{ action: "upsert", documents: documents.slice(i, Math.min(i + 1000, source.count)) }]
    },
  }
}

const figures = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), mean: values.reduce((a, b) => a + b, 0) / values.length })

async function main() {
  const startedAt = Date.now()
  const embedder: TextEmbedder = { embed: async (texts, model) => texts.map((text) => fixtureEmbedding(text, model.dimensions)) }
  container.register(SEARCH_EMBEDDINGS_MODULE_KEY, asValue(embedder))

  let started = performance.now()
  const semanticDocuments = Array.from({ length: PRODUCTS }, (_, n) => product(n))
  const keywordDocuments = semanticDocuments.map(({ embedding: _, ...rest }) => rest)
  log(`${PRODUCTS} products with ${DIMENSIONS}-component embeddings generated in ${round((performance.now() - started) / 1000)} s`)

  const source = { count: 0 }
  const harness = await startSearchModule(
    `cb_bench_search_semantic_${process.pid}`,
    [{ resolve: postgresProvider, id: "postgres", options: {} }],
    [
      benchIndex(SEMANTIC, semanticDocuments, source, { embedding: { type: "vector", dimensions: DIMENSIONS, embed: true } }),
      benchIndex(KEYWORD, keywordDocuments, source),
    ]
  )
  const service: ISearchModuleService = harness.service
  try {
    const manager = harness.provider(PROVIDER).manager_ as { execute(sql: string, params?: unknown[]): Promise<any[]> }
    await service.executeIndexMigrationPlan(await service.createIndexMigrationPlan())
    await (service as unknown as { onApplicationStart_(): Promise<void> }).onApplicationStart_()

    // 1. Writes.
    source.count = Math.min(WARM_UP_PRODUCTS, PRODUCTS)
    for (const index of [KEYWORD, SEMANTIC]) await service.reindex({ index })
    log(`warm-up reindex of ${source.count} products per index done`)
    source.count = PRODUCTS
    const writes: SemanticWrite[] = []
    const tables: Record<string, string> = {}
    for (const [index, kind] of [[KEYWORD, "keyword"], [SEMANTIC, "semantic"]] as const) {
      started = performance.now()
      await service.reindex({ index })
      const seconds = (performance.now() - started) / 1000
      // The provider's catalog: the newest version `<index>_v<n>` is the one the reindex made active.
      const rows: { name: string; table_name: string; document_count: number }[] = await manager.execute(`SELECT "name", "table_name", "document_count" FROM search_postgres_index WHERE "name" LIKE ?`, [`${index}_v%`])
      const active = rows.sort((a, b) => Number(b.name.split("_v").pop()) - Number(a.name.split("_v").pop()))[0]
      if (Number(active?.document_count) !== PRODUCTS) throw new Error(`${index}: catalog rows ${JSON.stringify(rows)} after reindexing ${PRODUCTS}`)
      tables[kind] = active.table_name
      const [{ bytes }] = await manager.execute(`SELECT pg_total_relation_size(to_regclass(quote_ident(?)))::bigint AS bytes`, [tables[kind]])
      writes.push({ index: kind, documents: PRODUCTS, seconds: round(seconds), docs_per_s: round(PRODUCTS / seconds), table_mb: round(Number(bytes) / 2 ** 20, 1) })
      log(`reindex ${kind}: ${round(seconds)} s, ${round(PRODUCTS / seconds)} docs/s, table ${tables[kind]}`)
    }

    // The provider's table and columns, for the SQL run here directly.
    const table = tables.semantic
    const { embedding, signs } = vectorColumns("embedding")
    const queryVector = (text: string) => unitLength(fixtureEmbedding(text, DIMENSIONS))
    const cosine = (vector: number[]) => `(SELECT sum(a::float8 * b) FROM unnest("${embedding}", ${embeddingSql(vector)}) AS u(a, b))`
    const exactTop = (vector: number[]): Promise<{ id: string; score: number }[]> =>
      manager.execute(`SELECT "id", ${cosine(vector)} AS score FROM "${table}" WHERE "${embedding}" IS NOT NULL ORDER BY score DESC, "id" LIMIT ?`, [TAKE])
    const twoStage = (vector: number[], candidates: number): Promise<{ id: string; score: number }[]> =>
      manager.execute(
        `SELECT "id", ${cosine(vector)} AS score FROM "${table}"
         WHERE "id" IN (SELECT "id" FROM "${table}" WHERE "${signs}" IS NOT NULL ORDER BY bit_count("${signs}" # ${signsSql(vector)}), "id" LIMIT ?)
         ORDER BY score DESC, "id" LIMIT ?`,
        [candidates, TAKE]
      )

    // 2. Latency.
    const search = (filters: Record<string, unknown>, vector?: { query: string; semantic_ratio: number }) =>
      service.search({ entity: SEMANTIC, filters, pagination: { take: TAKE }, ...(vector ? { search_options: { vector } } : {}) } as any).then((result) => result.hits.length)
    const kinds: { kind: SemanticLatency["kind"]; label: string; run(text: string): Promise<number> }[] = [
      { kind: "keyword", label: "(a) keyword only", run: (q) => search({ q }) },
      { kind: "vector", label: "(b) vector only", run: (q) => search({}, { query: q, semantic_ratio: 1 }) },
      { kind: "hybrid", label: "(c) hybrid, ratio 0.5", run: (q) => search({ q }, { query: q, semantic_ratio: 0.5 }) },
      { kind: "vector_in_stock", label: "(d) vector, in_stock", run: (q) => search({ in_stock: true }, { query: q, semantic_ratio: 1 }) },
      { kind: "exact_sql", label: "(e) exact SQL, all rows", run: async (q) => (await exactTop(queryVector(q))).length },
    ]
    const samples = Object.fromEntries(kinds.map(({ kind }) => [kind, [] as number[]]))
    const hits = Object.fromEntries(kinds.map(({ kind }) => [kind, 0]))
    for (let r = 0; r <= ROUNDS; r++) {
      for (const text of QUERY_TEXTS) {
        for (const { kind, run } of kinds) {
          const at = performance.now()
          const found = await run(text)
          if (r === 0) hits[kind] += found
          else samples[kind].push(performance.now() - at)
        }
      }
      log(r === 0 ? "warm-up round done" : `round ${r} of ${ROUNDS} done`)
    }
    const keyword = figures(samples.keyword)
    const latency: SemanticLatency[] = kinds.map(({ kind, label }) => {
      const own = figures(samples[kind])
      return {
        kind,
        label,
        queries: samples[kind].length,
        p50_ms: round(own.p50),
        p95_ms: round(own.p95),
        mean_ms: round(own.mean),
        mean_hits: round(hits[kind] / QUERY_TEXTS.length, 1),
        vs_keyword: { p50: round(own.p50 / keyword.p50), p95: round(own.p95 / keyword.p95), mean: round(own.mean / keyword.mean) },
      }
    })
    const vector = figures(samples.vector)
    const exact = figures(samples.exact_sql)

    // 3. Recall: a hit counts when its cosine reaches the exact 20th's (ties), or strictly when its id is in the exact top 20.
    const recall = { tie: 0, strict: 0 }
    const byMultiplier = MULTIPLIERS.map((multiplier) => ({ multiplier, candidates: Math.max(TAKE * multiplier, MIN_CANDIDATES), tie: 0, strict: 0, times: [] as number[] }))
    for (const text of QUERY_TEXTS) {
      const query = queryVector(text)
      const top = await exactTop(query)
      const threshold = Number(top[TAKE - 1].score) - 1e-9
      const ids = new Set(top.map((row) => row.id))
      const score = (found: { id: string; score?: number }[]) => ({
        tie: found.filter((hit) => Number(hit.score) >= threshold).length / TAKE / QUERY_TEXTS.length,
        strict: found.filter((hit) => ids.has(hit.id)).length / TAKE / QUERY_TEXTS.length,
      })
      const result = await service.search({ entity: SEMANTIC, pagination: { take: TAKE }, search_options: { include_score: true, vector: { query: text, semantic_ratio: 1 } } } as any)
      const own = score(result.hits as { id: string; score?: number }[])
      recall.tie += own.tie
      recall.strict += own.strict
      for (const row of byMultiplier) {
        let found: { id: string; score: number }[] = []
        for (let r = 0; r <= ROUNDS; r++) {
          const at = performance.now()
          found = await twoStage(query, row.candidates)
          if (r > 0) row.times.push(performance.now() - at)
        }
        const got = score(found)
        row.tie += got.tie
        row.strict += got.strict
      }
    }
    const multipliers: SemanticMultiplier[] = byMultiplier.map((row) => ({
      multiplier: row.multiplier,
      candidates: row.candidates,
      recall_at_20: round(row.tie, 3),
      recall_at_20_strict: round(row.strict, 3),
      p50_ms: round(percentile(row.times, 50)),
      p95_ms: round(percentile(row.times, 95)),
    }))

    const semanticWrite = writes.find((row) => row.index === "semantic")!
    const keywordWrite = writes.find((row) => row.index === "keyword")!
    const result: SemanticRun = {
      products: PRODUCTS,
      dimensions: DIMENSIONS,
      rounds: ROUNDS,
      query_texts: QUERY_TEXTS.length,
      take: TAKE,
      candidates: { per_hit: CANDIDATES_PER_HIT, min: MIN_CANDIDATES },
      writes,
      write_ratio: round(semanticWrite.seconds / keywordWrite.seconds),
      latency,
      vector_vs_exact: { p50: round(vector.p50 / exact.p50), p95: round(vector.p95 / exact.p95), mean: round(vector.mean / exact.mean) },
      recall_at_20: round(recall.tie, 3),
      recall_at_20_strict: round(recall.strict, 3),
      multipliers,
      run_seconds: Math.round((Date.now() - startedAt) / 1000),
      notes: [
        "Search Module with CommerceBridge's PostgreSQL provider only, on the local PostgreSQL; the bench, the module and PostgreSQL share the machine.",
        "Embeddings are the OpenAI fixture's deterministic ones (sum of per-word directions, synonyms shared), not a model's: recall here is of the index, not of relevance.",
        "Writes: the Search Module's reindex (batches of 100), documents pre-built; the semantic documents carry their vectors, so no embedder is called while writing.",
        "(a)–(d) go through search() (query text embedded by the fixture in-process, count and facets as the module asks); (e) and the multiplier table are bare SQL on the provider's connection.",
      ],
    }
    printSemantic(result)
    reportResult(result)
  } finally {
    await harness.shutdown()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
