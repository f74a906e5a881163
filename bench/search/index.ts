/**
 * `npm run bench:search`: product search writes and reads.
 *
 * - Reindex N generated products (N = 10k and 100k) through the Search Module on each engine: documents/s and
 *   round trips per 10k documents. The PostgreSQL provider, on the real local PostgreSQL, is the baseline in the
 *   same run; Meilisearch and OpenSearch run against the local fixtures.
 * - Single-document writes (one write + wait per product, as plugins syncing each product do) as a second baseline.
 * - Query latency p50/p95 on 100k products through `POST /store/search`, against the provider called directly.
 * - The drop-in listing `GET /store/commerce-bridge/products` against Medusa's `GET /store/products` on a real
 *   catalogue of 10k products (bench/search/drop-in.ts): p50/p95 per route and per query kind, answers checked.
 *
 * Each engine, and the store, runs in a fresh process. Prints the figures; writes bench/results/search.json.
 * Environment: BENCH_SIZES (10000,100000), BENCH_SINGLE (2000), BENCH_ENGINES (postgres,meilisearch,opensearch),
 * BENCH_BATCH_SIZE (the module's 100), BENCH_ROUTE_ENGINE (postgres; meilisearch / opensearch use MEILISEARCH_HOST /
 * OPENSEARCH_NODE when set, else a fixture), BENCH_ROUTE (`documents:rounds` per store boot, 100000:3,2000:10; empty skips), BENCH_DROP_IN (`products:rounds`,
 * 10000:5; empty skips; on BENCH_ROUTE_ENGINE, which for meilisearch / opensearch needs MEILISEARCH_HOST / OPENSEARCH_NODE).
 * BENCH_EMBEDDINGS (products, 5000; empty skips): embedding cost per reindex of the product index with and without the
 * embeddings cache, and the reindex time with the semantic option off (bench/search/embeddings.ts; Meilisearch and
 * OpenAI fixtures, BENCH_EMBEDDINGS_LATENCY_MS per embeddings request, 150).
 * BENCH_SEMANTIC (`products:rounds`, 10000:5; empty skips): semantic search on PostgreSQL (bench/search/semantic.ts):
 * reindex time with and without a vector field, query latency of keyword / vector / hybrid / filtered vector search
 * and of exact brute-force SQL, recall@20 against the exact top 20 (BENCH_SEMANTIC_DIMENSIONS, 1536).
 * An empty BENCH_SIZES skips the write runs (reindex and single-document writes).
 */
import { mkdirSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import { ENGINES } from "./engines"
import type { DropInFigures } from "./drop-in"
import { EmbeddingsRun, printEmbeddings } from "./embeddings-report"
import { printSemantic, SemanticRun } from "./semantic-report"
import { LatencyFigures, runChild, WriteFigures } from "./report"

const env = process.env
const SIZES = (env.BENCH_SIZES ?? "10000,100000").split(",").filter(Boolean).map(Number)
const SINGLE = Number(env.BENCH_SINGLE ?? 2000)
const ENGINE_LIST = (env.BENCH_ENGINES || ENGINES.join(",")).split(",")
const ROUTE_ENGINE = env.BENCH_ROUTE_ENGINE || "postgres"
/** `documents:rounds` per store boot: the latency at 100k, and the route's own cost where the engine is quick. */
const ROUTE_RUNS = (env.BENCH_ROUTE ?? "100000:3,2000:10")
  .split(",")
  .filter(Boolean)
  .map((run) => run.split(":").map(Number) as [number, number])
/** `products:rounds` of the drop-in listing run, or none. */
const DROP_IN = (env.BENCH_DROP_IN ?? "10000:5").split(":").filter(Boolean).map(Number) as [number, number] | []
/** Products of the embeddings run, or none. */
const EMBEDDINGS = (env.BENCH_EMBEDDINGS ?? "5000").trim()
/** `products:rounds` of the semantic search run on PostgreSQL, or none. */
const SEMANTIC = (env.BENCH_SEMANTIC ?? "10000:5").split(":").filter(Boolean).map(Number) as [number, number] | []
const round = (n: number) => Math.round(n * 100) / 100

interface WriteRun {
  engine: string
  batch_size: number
  figures: WriteFigures[]
}
interface RouteRun {
  engine: string
  engine_at: string
  documents: number
  rounds: number
  latency: LatencyFigures[]
  [key: string]: unknown
}

async function main() {
  const startedAt = Date.now()
  const load = os.loadavg()
  const writes: WriteRun[] = []
  if (SIZES.length) for (const engine of ENGINE_LIST) writes.push(await runChild<WriteRun>("reindex.ts", [engine, SIZES.join(","), String(SINGLE)]))
  const routes: RouteRun[] = []
  for (const [documents, rounds] of ROUTE_RUNS) routes.push(await runChild<RouteRun>("route.ts", [ROUTE_ENGINE, String(documents), String(rounds)]))
  const dropIn = DROP_IN.length === 2 ? await runChild<DropInRun>("drop-in.ts", [ROUTE_ENGINE, String(DROP_IN[0]), String(DROP_IN[1])]) : null
  const embeddings = EMBEDDINGS ? await runChild<EmbeddingsRun>("embeddings.ts", [EMBEDDINGS], { BENCH_EMBEDDINGS_NO_WRITE: "1" }) : null
  const semantic = SEMANTIC.length === 2 ? await runChild<SemanticRun>("semantic.ts", [String(SEMANTIC[0]), String(SEMANTIC[1])]) : null

  const figure = (engine: string, mode: WriteFigures["mode"], documents?: number) =>
    writes.find((run) => run.engine === engine)?.figures.find((row) => row.mode === mode && (documents === undefined || row.documents === documents))
  const reindex = SIZES.flatMap((size) =>
    ENGINE_LIST.map((engine) => {
      const row = figure(engine, "reindex", size)!
      const baseline = figure("postgres", "reindex", size)
      return { ...row, vs_postgres: baseline ? round(row.docs_per_s / baseline.docs_per_s) : null }
    })
  )
  const single = (SINGLE > 0 && SIZES.length ? ENGINE_LIST : []).map((engine) => {
    const row = figure(engine, "single")!
    const batch = figure(engine, "reindex", SIZES[0])!
    return { ...row, reindex_docs_per_s: batch.docs_per_s, reindex_vs_single: round(batch.docs_per_s / row.docs_per_s) }
  })
  const latency = routes.map((route) => ({
    ...route,
    route_overhead_ms: {
      p50: round(at(route, "route").p50_ms - at(route, "provider").p50_ms),
      p95: round(at(route, "route").p95_ms - at(route, "provider").p95_ms),
    },
  }))

  if (reindex.length) {
    console.log(`\nsearch: reindex through the Search Module (batches of ${writes[0]?.batch_size}), PostgreSQL provider as the baseline`)
    console.table(
      reindex.map((row) => ({
        engine: row.engine,
        documents: row.documents,
        "docs/s": row.docs_per_s,
        "vs postgres": row.vs_postgres,
        "HTTP req / 10k": row.http_requests_per_10k ?? "-",
        "SQL / 10k": row.sql_statements_per_10k,
      }))
    )
  }
  if (single.length) {
    console.log(`search: single-document writes (one write + wait per product, ${SINGLE} products) against the module's reindex at ${SIZES[0]}`)
    console.table(
      single.map((row) => ({
        engine: row.engine,
        "single docs/s": row.docs_per_s,
        "HTTP req / 10k": row.http_requests_per_10k ?? "-",
        "SQL / 10k": row.sql_statements_per_10k,
        "reindex docs/s": row.reindex_docs_per_s,
        "reindex / single": row.reindex_vs_single,
      }))
    )
  }
  for (const run of latency) {
    console.log(`search: query latency on ${run.documents} products (${run.engine}, ${run.engine_at}), ${run.rounds} rounds of the query mix`)
    console.table(Object.fromEntries(run.latency.map(({ path: name, ...rest }) => [name, rest])))
    console.log(`POST /store/search adds ${run.route_overhead_ms.p50} ms at p50, ${run.route_overhead_ms.p95} ms at p95 over the provider`)
  }
  if (dropIn) printDropIn(dropIn)
  if (embeddings) printEmbeddings(embeddings)
  if (semantic) printSemantic(semantic)
  const runSeconds = Math.round((Date.now() - startedAt) / 1000)
  console.log(`run time ${runSeconds} s`)

  const outDir = path.join(__dirname, "..", "results")
  mkdirSync(outDir, { recursive: true })
  writeFileSync(
    path.join(outDir, "search.json"),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), load_average_at_start: load.map(round), load_average_at_end: os.loadavg().map(round) },
        run_seconds: runSeconds,
        sizes: SIZES,
        engines: {
          postgres: "@medusajs/search-postgres (native engine) on the local PostgreSQL",
          meilisearch: "CommerceBridge provider against the in-process Meilisearch fixture (not a real Meilisearch)",
          opensearch: "CommerceBridge provider against the in-process OpenSearch fixture (not a real OpenSearch)",
        },
        caveats: [
          "Meilisearch and OpenSearch figures are against in-process fixtures that speak their HTTP APIs: they measure our providers, the Search Module's batching and its task waits, not engine speed.",
          "The fixtures, the Search Module and the bench share one Node process and the machine's two cores; PostgreSQL runs on the same machine.",
          "Documents are pre-built: a real reindex also reads every product through query.graph, which is not measured here.",
        ],
        reindex,
        single,
        query_latency: latency,
        drop_in_listing: dropIn,
        embeddings_per_reindex: embeddings,
        semantic_postgres: semantic,
      },
      null,
      2
    ) + "\n"
  )
}

/** What bench/search/drop-in.ts reports. */
interface DropInRun {
  engine: string
  products: number
  variants: number
  rounds: number
  create_seconds: number
  reindex_seconds: number
  overall: DropInFigures[]
  overall_ratio: { p50: number; p95: number; mean: number }
  by_kind: { kind: string; queries: number; drop_in: DropInFigures; native: DropInFigures; ratio: { p50: number; p95: number; mean: number } }[]
  [key: string]: unknown
}

function printDropIn(run: DropInRun) {
  console.log(
    `search: GET /store/commerce-bridge/products (drop-in, ${run.engine}) against GET /store/products on ${run.products} products ` +
      `(${run.variants} variants; created in ${run.create_seconds} s, indexed in ${run.reindex_seconds} s), ${run.rounds} rounds, answers checked`
  )
  console.table(
    Object.fromEntries([
      ...run.overall.map((row) => [row.route, { queries: row.queries, "p50 ms": row.p50_ms, "p95 ms": row.p95_ms, "mean ms": row.mean_ms }]),
      ["drop-in / native", { queries: "", "p50 ms": run.overall_ratio.p50, "p95 ms": run.overall_ratio.p95, "mean ms": run.overall_ratio.mean }],
    ])
  )
  console.table(
    Object.fromEntries(
      run.by_kind.map((row) => [
        row.kind,
        {
          queries: row.queries,
          "drop-in p50": row.drop_in.p50_ms,
          "drop-in p95": row.drop_in.p95_ms,
          "native p50": row.native.p50_ms,
          "native p95": row.native.p95_ms,
          "ratio p50": row.ratio.p50,
          "ratio p95": row.ratio.p95,
        },
      ])
    )
  )
}

const at = (run: RouteRun, name: LatencyFigures["path"]) => run.latency.find((row) => row.path === name)!

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
