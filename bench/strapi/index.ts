/**
 * `npm run bench:strapi`: full catalogue sync Medusa → Strapi, products per second and requests per product.
 *
 * - As shipped: a full sync of N products into a fresh Strapi (the real dev Strapi with the plugin, on SQLite)
 *   from the dev store at its default `strapi.batchSize` (100 documents per request) and `strapi.pageSize`
 *   (200), then a second full sync of the same catalogue with nothing changed (Strapi answers `changed: false`).
 * - Baseline, in the same run: the same full sync at `strapi.batchSize` 1, one request per product as a
 *   per-document sync sends them, into another fresh Strapi.
 *
 * Requests are counted by a proxy between Medusa and Strapi; every sync is checked against what Strapi holds
 * (sync.ts). Each configuration runs in a fresh process with its own Medusa database and Strapi. Prints the
 * figures; writes bench/results/strapi.json.
 * Environment: BENCH_PRODUCTS (5000), BENCH_BASELINE_PRODUCTS (BENCH_PRODUCTS: products of the batch-1 baseline,
 * fewer for a shorter run, 0 skips it), BENCH_BATCH_SIZE (the module's 100: the batch size of the "as shipped"
 * runs), BENCH_SYNC_TIMEOUT_S (3600), REDIS_URL (redis://127.0.0.1:6379), COMMERCE_BRIDGE_SECRETS_KEY (a fixed
 * bench key).
 */
import os from "os"
import { ChildResult, printTable, Row, runChild, writeResults } from "./report"

const env = process.env
const PRODUCTS = Number(env.BENCH_PRODUCTS || 5000)
const BASELINE_PRODUCTS = env.BENCH_BASELINE_PRODUCTS ? Number(env.BENCH_BASELINE_PRODUCTS) : PRODUCTS
const BATCH = env.BENCH_BATCH_SIZE || "shipped"
const round = (n: number) => Math.round(n * 100) / 100

async function main() {
  const startedAt = Date.now()
  const loadAtStart = os.loadavg().map(round)
  const shipped = await runChild<ChildResult>("sync.ts", ["shipped", String(PRODUCTS), BATCH, "2"])
  const baseline = BASELINE_PRODUCTS > 0 ? await runChild<ChildResult>("sync.ts", ["baseline", String(BASELINE_PRODUCTS), "1", "1"]) : undefined

  const base = baseline?.syncs[0]
  const vs = (productsPerS: number) => (base ? round(productsPerS / base.products_per_s) : null)
  const [first, unchanged] = shipped.syncs
  const cpu = (row: { medusa_cpu_ms_per_product: number; strapi_cpu_ms_per_product: number | null }) =>
    row.strapi_cpu_ms_per_product === null ? null : round(row.medusa_cpu_ms_per_product + row.strapi_cpu_ms_per_product)
  const cpuRatio = base && cpu(base) !== null && cpu(first) !== null ? round(cpu(base)! / cpu(first)!) : null
  const label = shipped.batch_size === shipped.shipped_batch_size ? "as shipped" : "BENCH_BATCH_SIZE"
  const rows: Row[] = [
    { run: `full sync, ${label}`, vs_baseline: vs(first.products_per_s), ...first },
    { run: `second sync, nothing changed, ${label}`, vs_baseline: vs(unchanged.products_per_s), ...unchanged },
    ...(base ? [{ run: "baseline: full sync, one product per request", vs_baseline: 1, ...base }] : []),
  ]

  console.log(`\nstrapi: full catalogue sync Medusa → Strapi (page ${shipped.page_size}), ${PRODUCTS} products; checked against Strapi after every sync`)
  printTable(rows)
  if (base && BASELINE_PRODUCTS !== PRODUCTS) {
    console.log(`the batch-1 baseline synced ${BASELINE_PRODUCTS} products (BENCH_BASELINE_PRODUCTS), not ${PRODUCTS}: products/s is comparable, its wall time is not`)
  }
  if (base) {
    console.log(
      `batch ${first.batch_size}: ${vs(first.products_per_s)}× the products/s of batch 1, ${round(base.requests_per_product / first.requests_per_product)}× fewer requests per product, ` +
        `${cpuRatio ?? "?"}× less CPU per product (Medusa + Strapi: ${cpu(first) ?? "?"} against ${cpu(base) ?? "?"} ms)`
    )
  }
  const runSeconds = Math.round((Date.now() - startedAt) / 1000)
  const loadAtEnd = os.loadavg().map(round)
  console.log(
    `catalogue of ${PRODUCTS} created in ${shipped.catalogue_created_s} s, search index built in ${shipped.search_reindex_s} s; ` +
      `run time ${runSeconds} s; load average (1/5/15 min) ${loadAtStart.join(" / ")} at start, ${loadAtEnd.join(" / ")} at end, on ${os.cpus().length} cores`
  )
  const file = writeResults({
    run_seconds: runSeconds,
    load_average_at_start: loadAtStart,
    load_average_at_end: loadAtEnd,
    products: PRODUCTS,
    baseline_products: base ? BASELINE_PRODUCTS : null,
    strapi: "dev Strapi app (strapi/) with @commerce-bridge/strapi-plugin, SQLite in a temporary file, on this machine",
    store: "dev store (medusa-config.ts) in the bench process: PostgreSQL, BullMQ worker queue and Redis event bus on the local Redis",
    caveats: [
      "Medusa, the counting proxy (in the Medusa process), Strapi, PostgreSQL and Redis share the machine's cores; other sessions' tests may be running (see load averages per sync).",
      "Strapi runs on SQLite, as the dev app does by default; a production Strapi on PostgreSQL will have other per-entry costs.",
      "Every run starts cold (fresh processes, no warm-up sync).",
      "The proxy runs in the Medusa process, so its work (one forwarded request per batch) is in Medusa's CPU figures: most at batch 1.",
      "Wall times swing with the machine's load; CPU per product (Medusa + Strapi processes; PostgreSQL and Redis not counted) and requests per product do not.",
    ],
    ratios: base
      ? {
          full_sync_products_per_s_vs_batch_1: vs(first.products_per_s),
          unchanged_sync_products_per_s_vs_batch_1: vs(unchanged.products_per_s),
          requests_per_product_batch_1_over_shipped: round(base.requests_per_product / first.requests_per_product),
          cpu_ms_per_product_batch_1_over_shipped: cpuRatio,
        }
      : null,
    runs: rows,
    children: { shipped, baseline: baseline ?? null },
  })
  console.log(`wrote ${file}`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
