/** What a bench/strapi child measures, how it hands it to index.ts, and how index.ts prints and writes it. */
import { runChildIn } from "../child"
import { mkdirSync, writeFileSync } from "fs"
import os from "os"
import path from "path"

export interface SyncFigures {
  /** `full`: into a Strapi without the entries; `unchanged`: the same catalogue again, nothing changed. */
  sync: "full" | "unchanged"
  batch_size: number
  page_size: number
  products: number
  /** From starting the run (the start workflow) to the run's `finished_at`. */
  wall_s: number
  products_per_s: number
  /** `PUT /api/commerce-bridge/catalogue/:entity` requests, counted at the proxy. */
  catalogue_requests: number
  /** What pages of `page_size` in batches of `batch_size` should send. */
  expected_requests: number
  requests_per_product: number
  /** Any other request to Strapi in the window (the scheduled health check), by route. */
  other_requests: Record<string, number>
  http_errors: number
  /** Documents in Strapi's answers: created, changed, and answered `changed: false`. */
  documents: number
  created: number
  changed: number
  unchanged: number
  /** Time Strapi took to answer the catalogue writes, summed, and its share of the wall time. */
  strapi_s: number
  strapi_share_pct: number
  /** Time in the Strapi module's `recordPushes` (Medusa's record of each accepted batch), and its share of the wall time. */
  record_pushes_s: number
  record_pushes_share_pct: number
  /** CPU of the Medusa process (store, worker, proxy) over the run. */
  medusa_cpu_ms_per_product: number
  /** CPU of the Strapi process over the run (null where /proc cannot tell). */
  strapi_cpu_ms_per_product: number | null
  /** SQL statements the Medusa process sent over the run (bench's 1 s progress poll included). */
  sql_statements: number
  sql_per_product: number
  /** Checks, read back after the run. */
  strapi_entries: number
  strapi_catalogue_logs: number
  medusa_push_records: number
  sample_checked: number
  load_1m_before: number
  load_1m_after: number
}

export interface ChildResult {
  label: string
  products: number
  batch_size: number
  shipped_batch_size: number
  page_size: number
  catalogue_created_s: number
  search_reindex_s: number
  syncs: SyncFigures[]
}

export { reportResult } from "../child"

/** Runs `bench/strapi/<script>` in a fresh Node process and returns what it reported. */
export function runChild<T>(script: string, args: string[]): Promise<T> {
  return runChildIn<T>(__dirname, script, args)
}

export interface Row extends SyncFigures {
  run: string
  vs_baseline: number | null
}

export function printTable(rows: Row[]) {
  console.table(
    rows.map((row) => ({
      run: row.run,
      batch: row.batch_size,
      products: row.products,
      "wall s": row.wall_s,
      "products/s": row.products_per_s,
      "vs batch 1": row.vs_baseline ?? "-",
      requests: row.catalogue_requests,
      "req/product": row.requests_per_product,
      "created/changed/same": `${row.created}/${row.changed}/${row.unchanged}`,
      "Strapi share": `${row.strapi_share_pct} %`,
      "recordPushes share": `${row.record_pushes_share_pct} %`,
      "CPU ms/product Medusa/Strapi": `${row.medusa_cpu_ms_per_product} / ${row.strapi_cpu_ms_per_product ?? "-"}`,
      "SQL/product": row.sql_per_product,
      "load 1m": `${row.load_1m_before}→${row.load_1m_after}`,
    }))
  )
}

export function writeResults(summary: Record<string, unknown>) {
  const outDir = path.join(__dirname, "..", "results")
  mkdirSync(outDir, { recursive: true })
  const file = path.join(outDir, "strapi.json")
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30) }
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, machine, ...summary }, null, 2) + "\n")
  return file
}
