/**
 * Prints the figures as a table and writes bench/results/engagement.json.
 */
import { mkdirSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import type { Figures } from "./measure"

const pct = (value: number | null) => (value === null ? "-" : `${value} %`)

export function printTable(rows: Figures[]) {
  console.table(
    rows.map((row) => ({
      run: row.label,
      path: row.path,
      bulk: row.bulk_concurrency,
      "provider c": row.provider_concurrency,
      "RPM limit": row.rpm_limit ?? "none",
      "TPM limit": row.tpm_limit ?? "none",
      products: row.products,
      "wall s": row.wall_s,
      "products/min": row.products_per_min,
      "ceiling/min": row.ceiling_per_min,
      "of ceiling": pct(row.of_ceiling_pct),
      "RPM share (avg)": pct(row.rpm_share_avg_pct),
      "RPM share (busiest min)": pct(row.rpm_share_busiest_pct),
      "TPM share reserved/used": row.tpm_limit ? `${pct(row.tpm_share_reserved_pct)} / ${pct(row.tpm_share_used_pct)}` : "-",
      "max in flight": row.max_in_flight,
      failed: row.failed,
    }))
  )
}

export function writeResults(summary: Record<string, unknown>, rows: Figures[]) {
  const outDir = path.join(__dirname, "..", "results")
  mkdirSync(outDir, { recursive: true })
  const file = path.join(outDir, "engagement.json")
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30) }
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, machine, ...summary, runs: rows }, null, 2) + "\n")
  return file
}
