/**
 * Runs one benchmark scenario for one contender in a process of its own (so RSS is its own)
 * and prints one JSON line with the figures.
 */
import { randomUUID } from "crypto"
import { bareBullMQ, Contender, queueModule } from "./scenarios"

const [contenderName, scenario] = process.argv.slice(2)
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const jobs = Number(process.env.BENCH_JOBS || 100_000)
const rate = Number(process.env.BENCH_RATE || 1000)
const steadySeconds = Number(process.env.BENCH_STEADY_SECONDS || 10)
const deadJobs = Number(process.env.BENCH_DEAD_JOBS || 2000)
const CHUNK = 1000
const CONCURRENCY = 50

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(probe: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("benchmark timed out")
    await sleep(5)
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function throughput(contender: Contender) {
  const started = process.hrtime.bigint()
  for (let i = 0; i < jobs; i += CHUNK) {
    await contender.push(Array.from({ length: Math.min(CHUNK, jobs - i) }, (_, j) => ({ name: "noop", data: { i: i + j } })))
  }
  const enqueueMs = Number(process.hrtime.bigint() - started) / 1e6
  let done = 0
  const processStart = process.hrtime.bigint()
  await contender.consume(async () => void done++, CONCURRENCY)
  await until(async () => done >= jobs, 10 * 60_000)
  const processMs = Number(process.hrtime.bigint() - processStart) / 1e6
  return {
    jobs,
    enqueue_jobs_per_s: Math.round(jobs / (enqueueMs / 1000)),
    process_jobs_per_s: Math.round(jobs / (processMs / 1000)),
    rss_mb: Math.round(process.memoryUsage().rss / 1e6),
  }
}

async function latency(contender: Contender) {
  const latencies: number[] = []
  await contender.consume(async (data: { t: number }) => void latencies.push(performance.now() + performance.timeOrigin - data.t), CONCURRENCY)
  const total = rate * steadySeconds
  const tickMs = 10
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000))
  const start = Date.now()
  for (let sent = 0, tick = 0; sent < total; tick++) {
    const batch = Math.min(perTick, total - sent)
    for (let k = 0; k < batch; k++) await contender.push([{ name: "timed", data: { t: performance.now() + performance.timeOrigin } }])
    sent += batch
    const wait = start + (tick + 1) * tickMs - Date.now()
    if (wait > 0) await sleep(wait)
  }
  await until(async () => latencies.length >= total, 60_000)
  const sorted = [...latencies].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    jobs: total,
    rate_per_s: rate,
    p50_ms: round(percentile(sorted, 50)),
    p95_ms: round(percentile(sorted, 95)),
    p99_ms: round(percentile(sorted, 99)),
    rss_mb: Math.round(process.memoryUsage().rss / 1e6),
  }
}

async function deadLetter(contender: Contender) {
  await contender.consume(async () => {
    throw new Error("provider down")
  }, CONCURRENCY)
  const started = process.hrtime.bigint()
  for (let i = 0; i < deadJobs; i += CHUNK) {
    await contender.push(Array.from({ length: Math.min(CHUNK, deadJobs - i) }, () => ({ name: "doomed", data: {}, attempts: 3 })))
  }
  await until(async () => (await contender.counts()).dead >= deadJobs, 5 * 60_000)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  return { jobs: deadJobs, attempts: 3, dead_lettered_per_s: Math.round(deadJobs / (ms / 1000)), rss_mb: Math.round(process.memoryUsage().rss / 1e6) }
}

async function main() {
  const prefix = `{cbbench-${randomUUID().slice(0, 8)}}`
  const make = contenderName === "bullmq" ? bareBullMQ : queueModule
  const contender = make(redisUrl, prefix, `bench-${scenario}`)
  const scenarios = { throughput, latency, "dead-letter": deadLetter } as const
  try {
    const figures = await scenarios[scenario as keyof typeof scenarios](contender)
    console.log(JSON.stringify({ contender: contenderName, scenario, ...figures }))
  } finally {
    await contender.close()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
