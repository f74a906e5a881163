/**
 * `npm run bench:queue`: bare BullMQ against CommerceBridge's queue module on the same Redis, same run.
 * Each scenario runs in a fresh process per contender; figures are printed and written to
 * bench/results/queue.json.
 */
import { execFileSync } from "child_process"
import { mkdirSync, writeFileSync } from "fs"
import path from "path"

const scenarios = ["throughput", "latency", "dead-letter"]
const contenders = ["bullmq", "module"]

function run(contender: string, scenario: string) {
  const output = execFileSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(__dirname, "run-scenario.ts"), contender, scenario],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1e7 }
  )
  return JSON.parse(output.trim().split("\n").pop()!)
}

const results: Record<string, Record<string, any>> = {}
for (const scenario of scenarios) {
  results[scenario] = {}
  for (const contender of contenders) {
    process.stdout.write(`${scenario} · ${contender} … `)
    results[scenario][contender] = run(contender, scenario)
    console.log(JSON.stringify(results[scenario][contender]))
  }
}

const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000
const { throughput: tp, latency: lat, "dead-letter": dl } = results
const summary = {
  enqueue_throughput_ratio: ratio(tp.module.enqueue_jobs_per_s, tp.bullmq.enqueue_jobs_per_s),
  process_throughput_ratio: ratio(tp.module.process_jobs_per_s, tp.bullmq.process_jobs_per_s),
  added_p95_ms: Math.round((lat.module.p95_ms - lat.bullmq.p95_ms) * 100) / 100,
  added_p99_ms: Math.round((lat.module.p99_ms - lat.bullmq.p99_ms) * 100) / 100,
  dead_letter_throughput_ratio: ratio(dl.module.dead_lettered_per_s, dl.bullmq.dead_lettered_per_s),
  worker_rss_ratio: ratio(tp.module.rss_mb, tp.bullmq.rss_mb),
}

console.log("\nqueue module vs bare BullMQ")
console.table(summary)
console.log(
  `goal: ≥ 0.90 of BullMQ's throughput (${summary.process_throughput_ratio >= 0.9 ? "met" : "missed"}), ` +
    `< 2 ms added at p95 (${summary.added_p95_ms < 2 ? "met" : "missed"})`
)

const outDir = path.join(__dirname, "..", "results")
mkdirSync(outDir, { recursive: true })
writeFileSync(
  path.join(outDir, "queue.json"),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, results, summary }, null, 2)
)
