import { spawn } from "child_process"
import type { ChildProcess } from "child_process"
import path from "path"
import { MedusaError } from "@medusajs/framework/utils"
import { Job } from "bullmq"
import type IORedis from "ioredis"
import type { ChainableCommander } from "ioredis"
import { eventually, sleep } from "../../../modules/queue/__tests__/contract"
import type { QueueJob, QueueProvider } from "../../../modules/queue/types"
import { BullMQQueueProvider } from "../service"
import { adminConnection, deletePrefix, REDIS_URL, testLogger, uniquePrefix } from "./helpers"

jest.setTimeout(60_000)

const REPO_ROOT = path.resolve(__dirname, "../../../..")
const HANGING_WORKER = path.join(__dirname, "fixtures/hanging-worker.ts")

let admin: IORedis
const prefixes: string[] = []
const providers: QueueProvider[] = []
const children: ChildProcess[] = []

/** A provider on a fresh prefix (or `prefix`), closed and cleaned up after the test. */
function provider(options: { prefix?: string; lockDurationMs?: number; stalledIntervalMs?: number } = {}, logger = testLogger()) {
  const prefix = options.prefix ?? uniquePrefix()
  if (!prefixes.includes(prefix)) prefixes.push(prefix)
  const created = new BullMQQueueProvider({ redisUrl: REDIS_URL, ...options, prefix }, logger)
  providers.push(created)
  return created
}

beforeAll(() => {
  admin = adminConnection()
})
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
  await Promise.all(providers.splice(0).map((p) => p.close({ timeoutMs: 1000 })))
  for (const prefix of prefixes.splice(0)) await deletePrefix(admin, prefix)
})
afterAll(() => admin.quit())

/** Resolves with the first stdout line of `child` that satisfies `match`. */
function waitForLine(child: ChildProcess, match: (line: string) => boolean, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = ""
    let stderr = ""
    const timer = setTimeout(() => reject(new Error(`No matching line from the worker within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
    child.stderr!.on("data", (chunk) => (stderr += chunk))
    child.stdout!.on("data", (chunk) => {
      buffered += chunk
      const lines = buffered.split("\n")
      buffered = lines.pop()!
      const line = lines.find(match)
      if (line !== undefined) {
        clearTimeout(timer)
        resolve(line)
      }
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`The worker exited (${code ?? signal}) early; stderr: ${stderr}`))
    })
  })
}

/** Kills every Redis connection whose name starts with `prefix` (only this test's connections). */
async function killConnections(prefix: string): Promise<number> {
  const list = (await admin.client("LIST")) as string
  const ids = list
    .split("\n")
    .map((line) => Object.fromEntries(line.split(" ").map((field) => [field.slice(0, field.indexOf("=")), field.slice(field.indexOf("=") + 1)])))
    .filter((client) => typeof client.name === "string" && client.name.startsWith(prefix))
    .map((client) => client.id as string)
  for (const id of ids) await admin.client("KILL", "ID", id)
  return ids.length
}

describe("BullMQ queue provider under faults", () => {
  it("runs a job again after its worker was killed with SIGKILL mid-job", async () => {
    const prefix = uniquePrefix()
    const queue = "sigkill"
    const producer = provider({ prefix })
    const { id } = await producer.push(queue, "hang", { n: 1 }, { attempts: 1 })

    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", HANGING_WORKER, REDIS_URL, prefix, queue, "1000"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    children.push(child)
    await waitForLine(child, (line) => line === `started ${id}`, 30_000)
    const exited = new Promise((resolve) => child.once("exit", resolve))
    child.kill("SIGKILL")
    await exited
    expect((await producer.counts(queue)).active).toBe(1)

    const logger = testLogger()
    const consumer = provider({ prefix, lockDurationMs: 1000, stalledIntervalMs: 500 }, logger)
    const seen: QueueJob[] = []
    await consumer.consume(queue, async (job) => void seen.push(job))
    await eventually(() => expect(seen.map((job) => job.id)).toEqual([id]), 10_000)
    // The stall does not use up an attempt: the only attempt runs again.
    expect(seen[0]).toMatchObject({ id, data: { n: 1 }, attempt: 1 })
    await eventually(async () => expect(await consumer.counts(queue)).toMatchObject({ completed: 1, active: 0, dead: 0 }))
    expect(logger.messages.some((message) => message.includes(`job ${id} stalled`))).toBe(true)
  })

  it("reconnects after its Redis connections are killed, losing and repeating no job", async () => {
    const prefix = uniquePrefix()
    const queue = "client-kill"
    // Expected: socket errors, and "Missing lock" for completions whose reply the kill swallowed
    // (ioredis re-sends them after the reconnect; the job had completed the first time).
    const logger = testLogger({ quiet: true })
    const queueProvider = provider({ prefix, lockDurationMs: 2000, stalledIntervalMs: 500 }, logger)
    const effects = new Map<string, number>()
    await queueProvider.consume(
      queue,
      async (job) => {
        effects.set(job.id, (effects.get(job.id) ?? 0) + 1)
        await sleep(Math.random() * 4)
      },
      { concurrency: 4 }
    )

    const total = 200
    let killed = 0
    let pushRetries = 0
    for (let i = 0; i < total; i++) {
      if (i === 70 || i === 140) {
        killed += await killConnections(prefix)
        expect(effects.size).toBeGreaterThan(0) // consuming while the connections drop
      }
      // A producer retries a push that failed with the same idempotency key.
      for (;;) {
        try {
          await queueProvider.push(queue, "n", { i }, { jobId: `job-${i}` })
          break
        } catch {
          pushRetries++
          await sleep(50)
        }
      }
    }
    // The shared connection and the worker's blocking one, twice.
    expect(killed).toBeGreaterThanOrEqual(4)

    await eventually(async () => {
      expect(effects.size).toBe(total)
      expect(await queueProvider.counts(queue)).toMatchObject({ completed: total, active: 0, waiting: 0, delayed: 0, dead: 0 })
    }, 20_000)
    const repeated = [...effects].filter(([, count]) => count !== 1)
    expect(repeated).toEqual([])
    expect(pushRetries).toBeLessThan(total)
  })

  it("gives up on a job that outlives the close timeout; the job runs again elsewhere", async () => {
    const prefix = uniquePrefix()
    const queue = "close-timeout"
    const first = provider({ prefix, lockDurationMs: 1000, stalledIntervalMs: 500 })
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    await first.consume(queue, () => released)
    const { id } = await first.push(queue, "slow", {})
    await eventually(async () => expect((await first.counts(queue)).active).toBe(1))

    const startedAt = Date.now()
    await first.close({ timeoutMs: 200 })
    expect(Date.now() - startedAt).toBeLessThan(2000)
    release() // the abandoned handler finishing late must not settle the job on a closed provider

    const second = provider({ prefix, lockDurationMs: 1000, stalledIntervalMs: 500 })
    const seen: string[] = []
    await second.consume(queue, async (job) => void seen.push(job.id))
    await eventually(() => expect(seen).toEqual([id]), 10_000)
    await eventually(async () => expect(await second.counts(queue)).toMatchObject({ completed: 1, active: 0 }))
  })

  it("adds jobs again after Redis lost its Lua script cache", async () => {
    const queue = "noscript"
    const queueProvider = provider()
    await queueProvider.push(queue, "x", 0, { jobId: "existing" })
    // A lost script cache answers the add inside MULTI with NOSCRIPT; simulate it for the first job.
    const addJob = jest.spyOn(Job.prototype, "addJob").mockImplementationOnce(function (this: Job, transaction) {
      ;(transaction as unknown as ChainableCommander).evalsha("0".repeat(40), 0)
      return Promise.resolve("")
    })
    try {
      const results = await queueProvider.pushBulk(queue, [
        { name: "x", data: 1, options: { jobId: "lost-script" } },
        { name: "x", data: 2, options: { jobId: "fine" } },
        { name: "x", data: 3, options: { jobId: "existing" } },
      ])
      expect(results).toEqual([
        { id: "lost-script", duplicate: false },
        { id: "fine", duplicate: false },
        { id: "existing", duplicate: true },
      ])
    } finally {
      addJob.mockRestore()
    }
    expect((await queueProvider.counts(queue)).waiting).toBe(3)
  })
})

describe("BullMQQueueProvider.validateOptions", () => {
  const valid = { redisUrl: "redis://127.0.0.1:6379" }

  it.each([
    [{}, "redisUrl"],
    [{ redisUrl: "" }, "redisUrl"],
    [{ redisUrl: "http://localhost:6379" }, "redisUrl"],
    [{ ...valid, prefix: "" }, "prefix"],
    [{ ...valid, lockDurationMs: 0 }, "lockDurationMs"],
    [{ ...valid, stalledIntervalMs: 1.5 }, "stalledIntervalMs"],
    [{ ...valid, maxStalledCount: -1 }, "maxStalledCount"],
    [{ ...valid, completedRetention: { count: -1 } }, "completedRetention.count"],
    [{ ...valid, deadLetterRetention: { ageSeconds: "1d" } }, "deadLetterRetention.ageSeconds"],
    [{ ...valid, metricsMaxDataPoints: 0 }, "metricsMaxDataPoints"],
  ])("rejects %j naming %s", (options, name) => {
    let thrown: unknown
    try {
      BullMQQueueProvider.validateOptions(options as Record<string, unknown>)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(MedusaError)
    expect((thrown as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((thrown as MedusaError).message).toContain(`\`${name}\``)
  })

  it("accepts complete options, and the constructor validates before connecting", () => {
    expect(() =>
      BullMQQueueProvider.validateOptions({
        ...valid,
        prefix: "{shop}",
        lockDurationMs: 1000,
        stalledIntervalMs: 1000,
        maxStalledCount: 0,
        completedRetention: { ageSeconds: 60, count: 10 },
        deadLetterRetention: false,
        metricsMaxDataPoints: 60,
      })
    ).not.toThrow()
    expect(() => new BullMQQueueProvider({} as never)).toThrow(/redisUrl/)
  })
})
