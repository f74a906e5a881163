/**
 * `npm run bench:notifications`: messages from a store event to a vendor through the whole pipeline
 * (subscriber → workflow → recorded delivery → BullMQ job → Notification Module → Mailgun provider
 * → local Mailgun fixture), against the same provider called directly, in the same run.
 * Prints the figures and writes bench/results/notifications.json.
 */
import { mkdirSync, writeFileSync } from "fs"
import path from "path"
import { randomUUID } from "crypto"
import { Modules } from "@medusajs/framework/utils"
import { startMailgunFixture } from "../../integration-tests/__fixtures__/mailgun"
import { MailgunNotificationService } from "../../src/providers/notification-mailgun/service"
import { bootStore } from "./app"
import { percentile, steady } from "./measure"

const MESSAGES = Number(process.env.BENCH_MESSAGES || 2000)
const RATE = Number(process.env.BENCH_RATE || 10)
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS || 30)
const VENDOR_LATENCY_MS = Number(process.env.BENCH_VENDOR_LATENCY_MS || 20)
const CONCURRENCY = 10 // the pipeline's default notifications.concurrency
const EVENT_BUS_CONCURRENCY = Number(process.env.MEDUSA_EVENT_BUS_CONCURRENCY || 10)
const round = (n: number) => Math.round(n * 100) / 100
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  const mailgun = await startMailgunFixture()
  mailgun.setLatency(VENDOR_LATENCY_MS)
  const content = { subject: "Welcome", html: "<p>Welcome</p>", text: "Welcome" }

  // Baseline: the provider called directly, CONCURRENCY sends at a time.
  const direct = new MailgunNotificationService({ logger: console } as any, { apiKey: mailgun.apiKey, domain: "mg.test", from: "shop@mg.test", baseUrl: mailgun.url })
  const send = (to: string) => direct.send({ to, channel: "email", template: "bench", content })
  let started = performance.now()
  for (let i = 0; i < MESSAGES; i += CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, MESSAGES - i) }, (_, k) => send(`direct-${i + k}@example.com`)))
  }
  const directPerS = MESSAGES / ((performance.now() - started) / 1000)
  // Latency is measured to the moment the fixture received the request, for both contenders.
  mailgun.reset()
  mailgun.setLatency(VENDOR_LATENCY_MS)
  const directSentAt = new Map<string, number>()
  await steady(RATE, STEADY_SECONDS, async (n) => {
    directSentAt.set(`steady-${n}@example.com`, Date.now())
    await send(`steady-${n}@example.com`)
  })
  const directLatencies = mailgun.messages.map((message) => message.receivedAt.getTime() - directSentAt.get(message.to[0])!)
  mailgun.reset()
  mailgun.setLatency(VENDOR_LATENCY_MS)

  const app = await bootStore("commerce_bridge_bench", {
    REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    MEDUSA_EVENT_BUS_CONCURRENCY: String(EVENT_BUS_CONCURRENCY),
    COMMERCE_BRIDGE_QUEUE_PREFIX: `{cbbench-${randomUUID().slice(0, 8)}}`,
    COMMERCE_BRIDGE_SECRETS_KEY: process.env.COMMERCE_BRIDGE_SECRETS_KEY || "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    MAILGUN_API_KEY: mailgun.apiKey,
    MAILGUN_DOMAIN: "mg.test",
    MAILGUN_FROM: "shop@mg.test",
    MAILGUN_BASE_URL: mailgun.url,
  })
  try {
    const customers = app.container.resolve(Modules.CUSTOMER)
    const eventBus = app.container.resolve(Modules.EVENT_BUS)
    const created = await customers.createCustomers(
      Array.from({ length: MESSAGES + RATE * STEADY_SECONDS }, (_, n) => ({ email: `customer-${n}@example.com`, first_name: "Bench", has_account: true }))
    )
    const emit = (from: number, count: number) =>
      eventBus.emit(created.slice(from, from + count).map((customer) => ({ name: "customer.created", data: { id: customer.id } })))

    started = performance.now()
    for (let i = 0; i < MESSAGES; i += 500) await emit(i, Math.min(500, MESSAGES - i))
    while (mailgun.messages.length < MESSAGES) await sleep(20)
    const pipelinePerS = MESSAGES / ((performance.now() - started) / 1000)

    // Steady rate: each event's emit time against the moment the fixture received its message.
    const emittedAt = new Map<string, number>()
    mailgun.reset()
    mailgun.setLatency(VENDOR_LATENCY_MS)
    await steady(RATE, STEADY_SECONDS, async (n) => {
      const customer = created[MESSAGES + n]
      emittedAt.set(customer.email!, Date.now())
      await emit(MESSAGES + n, 1)
    })
    while (mailgun.messages.length < RATE * STEADY_SECONDS) await sleep(20)
    const pipelineLatencies = mailgun.messages.map((message) => message.receivedAt.getTime() - emittedAt.get(message.to[0])!)

    const results = {
      messages: MESSAGES,
      vendor_latency_ms: VENDOR_LATENCY_MS,
      concurrency: CONCURRENCY,
      event_bus_concurrency: EVENT_BUS_CONCURRENCY,
      direct: { messages_per_s: round(directPerS), p50_ms: round(percentile(directLatencies, 50)), p95_ms: round(percentile(directLatencies, 95)) },
      pipeline: { messages_per_s: round(pipelinePerS), p50_ms: round(percentile(pipelineLatencies, 50)), p95_ms: round(percentile(pipelineLatencies, 95)) },
      steady_rate_per_s: RATE,
      throughput_ratio: round(pipelinePerS / directPerS),
      added_p95_ms: round(percentile(pipelineLatencies, 95) - percentile(directLatencies, 95)),
    }
    console.log("\nnotifications: event → Mailgun fixture through the pipeline, against a direct provider call")
    console.table({ direct: results.direct, pipeline: results.pipeline })
    console.log(`throughput ratio ${results.throughput_ratio}; p95 added ${results.added_p95_ms} ms at ${RATE} events/s`)
    const outDir = path.join(__dirname, "..", "results")
    mkdirSync(outDir, { recursive: true })
    writeFileSync(path.join(outDir, "notifications.json"), JSON.stringify({ at: new Date().toISOString(), node: process.version, ...results }, null, 2))
  } finally {
    await app.shutdown()
    await mailgun.close()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
