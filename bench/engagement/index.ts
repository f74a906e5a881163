/**
 * `npm run bench:engagement`: bulk `product_description` drafts of a catalogue against the local OpenAI
 * fixture answering after 300 ms, in the dev store booted in this process (PostgreSQL, Redis, BullMQ).
 * First the run exactly as a merchant starts it (the admin route's workflow, the store's queue worker and
 * provider, all at their defaults); then a matrix of bulk concurrency × requests-per-minute limit, driving
 * the store's bulk job handler with a provider built with those limits (the dev store does not expose
 * `engagement.concurrency`, and the provider's limits are not settings at all: see README). Prints a
 * table and writes bench/results/engagement.json.
 */
import { randomUUID } from "crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { startOpenAIFixture, OpenAIFixture } from "../../integration-tests/__fixtures__/openai"
import { ENGAGEMENT_MODULE } from "../../src/modules/engagement"
import type EngagementModuleService from "../../src/modules/engagement/service"
import { QUEUE_MODULE } from "../../src/modules/queue"
import type QueueModuleService from "../../src/modules/queue/service"
import { OPENAI_ENGAGEMENT_DEFAULTS } from "../../src/providers/engagement-openai"
import type { OpenAIEngagementOptions } from "../../src/providers/engagement-openai/types"
import { bootStore } from "../notifications/app"
import { createCatalogue } from "./catalogue"
import { figures, Figures, RunInput, WINDOW_MS } from "./measure"
import { dropPrefix } from "./redis"
import { printTable, writeResults } from "./report"
import { BenchDatabase, directRun, fixtureView, Outcome, queueRun } from "./runs"

const env = process.env
const list = (value: string) => value.split(",").map(Number)
const PRODUCTS = Number(env.BENCH_PRODUCTS || 1000)
const LATENCY_MS = Number(env.BENCH_LATENCY_MS || 300)
const CONCURRENCIES = list(env.BENCH_CONCURRENCIES || "1,4,8,16")
/** Requests-per-minute limits of the matrix; 0 is none. */
const RPMS = list(env.BENCH_RPMS || "0,600,120")
/** A run the RPM limit holds back drafts this many minutes' worth of the limit. */
const LIMITED_MINUTES = Number(env.BENCH_LIMITED_MINUTES || 3)
/** Any other run drafts at least this many minutes' worth of its concurrency ceiling (capped at BENCH_PRODUCTS). */
const MIN_MINUTES = Number(env.BENCH_MIN_MINUTES || 1.5)
/** About what the limiter reserves per product_description request (prompt estimate + 700 output tokens); sizes one run. */
const RESERVED_TOKENS_GUESS = 1000
const DATABASE = "commerce_bridge_bench_engagement"
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Products for a setting: the whole catalogue when that is quick, fewer for slow settings (printed with the run). */
function productsFor(concurrency: number, rpm: number, tpmCap = Infinity): number {
  const concurrencyCeiling = (concurrency * WINDOW_MS) / LATENCY_MS
  const limit = Math.min(rpm || Infinity, tpmCap)
  const wanted = limit < concurrencyCeiling ? limit * LIMITED_MINUTES : concurrencyCeiling * MIN_MINUTES
  return Math.min(PRODUCTS, Math.ceil(wanted / 10) * 10)
}

/** Waits until the store's other queues (search sync of the new catalogue) are idle. */
async function settle(container: MedusaContainer) {
  const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(1000)) {
    const busy = (await queues.listQueues()).some(({ counts }) => counts.waiting + counts.active + counts.delayed > 0)
    if (!busy) break
  }
  await sleep(2000)
}

async function main() {
  const fixture: OpenAIFixture = await startOpenAIFixture({ latencyMs: LATENCY_MS })
  const openai = { apiKey: fixture.apiKey, baseUrl: fixture.url, model: "gpt-4o-mini" }
  const redisUrl = env.REDIS_URL || "redis://127.0.0.1:6379"
  const queuePrefix = `{cbbench-${randomUUID().slice(0, 8)}}`
  const app = await bootStore(DATABASE, {
    REDIS_URL: redisUrl,
    COMMERCE_BRIDGE_QUEUE_PREFIX: queuePrefix,
    COMMERCE_BRIDGE_SECRETS_KEY: env.COMMERCE_BRIDGE_SECRETS_KEY || "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    OPENAI_MODEL: openai.model,
  })
  const db = await BenchDatabase.open(process.env.DATABASE_URL!)
  const logger = app.container.resolve(ContainerRegistrationKeys.LOGGER)
  const benchStarted = Date.now()
  const rows: Figures[] = []
  let runNumber = 0
  try {
    let started = Date.now()
    const productIds = await createCatalogue(app.container, PRODUCTS)
    const catalogueSeconds = (Date.now() - started) / 1000
    logger.info(`bench:engagement: ${PRODUCTS} products created in ${catalogueSeconds.toFixed(1)} s`)
    await settle(app.container)

    const measure = async (setting: Omit<RunInput, keyof ReturnType<typeof fixtureView> | "wallMs" | "startMs" | "done" | "failed" | "retries" | "usedTokens" | "latencyMs">, go: (ids: string[], instructions: string) => Promise<Outcome>) => {
      await db.clearDrafts()
      fixture.reset()
      const instructions = `Bench run ${++runNumber}` // a new input hash: no product reuses an earlier answer
      logger.info(`bench:engagement: ${setting.label}: ${setting.products} products`)
      const outcome = await go(productIds.slice(0, setting.products), instructions)
      const row = figures({
        ...setting,
        ...fixtureView(fixture),
        wallMs: outcome.wallMs,
        startMs: outcome.startMs,
        done: outcome.run.done,
        failed: outcome.run.failed,
        retries: outcome.retries,
        usedTokens: await db.usedTokens(outcome.run.id),
        latencyMs: LATENCY_MS,
      })
      logger.info(`bench:engagement: ${setting.label}: ${row.products_per_min} products/min in ${row.wall_s} s`)
      rows.push(row)
      await sleep(2000)
    }
    const direct = (concurrency: number, provider: Partial<OpenAIEngagementOptions>) => (ids: string[], instructions: string) =>
      directRun(app.container, ids, instructions, concurrency, { ...openai, ...provider })

    // Warm-up (not reported): JIT, connection pools, the first workflow runs.
    await direct(4, { concurrency: 4, requestsPerMinute: 0, tokensPerMinute: 0 })(productIds.slice(0, 20), "Bench warm-up")
    await db.clearDrafts()

    const shipped = OPENAI_ENGAGEMENT_DEFAULTS
    const bulkDefault = app.container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE).settings.concurrency
    const shippedSetting = { providerConcurrency: shipped.concurrency, requestsPerMinute: shipped.requestsPerMinute, tokensPerMinute: shipped.tokensPerMinute }
    await measure(
      { label: "as shipped (admin route's workflow + queue worker)", path: "queue", bulkConcurrency: bulkDefault, ...shippedSetting, products: PRODUCTS },
      (ids, instructions) => queueRun(app.container, ids, instructions, 30 * WINDOW_MS)
    )
    // The queue path against the direct one at the same setting: what driving the handler directly leaves out.
    const unlimited = { concurrency: bulkDefault, requestsPerMinute: 0, tokensPerMinute: 0 }
    const pairSetting = { bulkConcurrency: bulkDefault, providerConcurrency: bulkDefault, requestsPerMinute: 0, tokensPerMinute: 0, products: productsFor(bulkDefault, 0) }
    await measure({ label: `queue worker ${bulkDefault}, no limits`, path: "queue", ...pairSetting }, (ids, instructions) =>
      queueRun(app.container, ids, instructions, 30 * WINDOW_MS, { ...openai, ...unlimited })
    )
    await measure({ label: `bulk ${bulkDefault}, no limits`, path: "direct", ...pairSetting }, direct(bulkDefault, unlimited))
    const bulkHigh = Math.max(...CONCURRENCIES)
    await measure(
      { label: `bulk ${bulkHigh}, shipped provider`, path: "direct", bulkConcurrency: bulkHigh, ...shippedSetting, products: productsFor(shipped.concurrency, shipped.requestsPerMinute, shipped.tokensPerMinute / RESERVED_TOKENS_GUESS) },
      direct(bulkHigh, {})
    )
    for (const rpm of RPMS) {
      for (const concurrency of CONCURRENCIES) {
        await measure(
          { label: `bulk ${concurrency}, RPM ${rpm || "none"}`, path: "direct", bulkConcurrency: concurrency, providerConcurrency: concurrency, requestsPerMinute: rpm, tokensPerMinute: 0, products: productsFor(concurrency, rpm) },
          direct(concurrency, { concurrency, requestsPerMinute: rpm, tokensPerMinute: 0 })
        )
      }
    }

    console.log(`\nengagement: bulk product_description drafts against the OpenAI fixture at ${LATENCY_MS} ms per answer`)
    printTable(rows)
    const totalMinutes = ((Date.now() - benchStarted) / WINDOW_MS).toFixed(1)
    console.log(`catalogue of ${PRODUCTS} products created in ${catalogueSeconds.toFixed(1)} s; runs took ${totalMinutes} min`)
    const file = writeResults(
      { latency_ms: LATENCY_MS, catalogue: PRODUCTS, catalogue_created_s: Math.round(catalogueSeconds * 10) / 10, runs_minutes: Number(totalMinutes), shipped_defaults: { bulk_concurrency: bulkDefault, ...shipped } },
      rows
    )
    console.log(`wrote ${file}`)
  } finally {
    await db.close()
    await app.shutdown()
    await dropPrefix(redisUrl, queuePrefix)
    await fixture.close()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
