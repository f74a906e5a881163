import { randomUUID } from "crypto"
import type { QueueJob, QueueProvider } from "../../types"
import { PermanentJobError, RetryLaterError } from "../../types"

/**
 * The queue contract: every provider runs these same cases. `makeProvider` returns a fresh provider
 * on its own namespace (e.g. a unique Redis key prefix); the suite closes it after each case.
 */
export function describeQueueContract(providerName: string, makeProvider: () => Promise<QueueProvider>) {
  describe(`queue contract: ${providerName}`, () => {
    let provider: QueueProvider
    let queue: string

    beforeEach(async () => {
      provider = await makeProvider()
      queue = `contract-${randomUUID().slice(0, 8)}`
    })
    afterEach(() => provider.close({ timeoutMs: 2000 }))

    const quickRetry = { attempts: 3, backoff: { type: "fixed" as const, delayMs: 20, jitter: 0 } }

    it("runs a pushed job once with its name and data, and counts it completed", async () => {
      const seen: QueueJob[] = []
      await provider.consume(queue, async (job) => void seen.push(job))
      const { id, duplicate } = await provider.push(queue, "greet", { who: "world" })
      await eventually(() => expect(seen).toHaveLength(1))
      expect(duplicate).toBe(false)
      expect(seen[0]).toMatchObject({ id, queue, name: "greet", data: { who: "world" }, attempt: 1 })
      await eventually(async () => expect((await provider.counts(queue)).completed).toBe(1))
    })

    it("does not enqueue a job twice under the same idempotency key", async () => {
      const first = await provider.push(queue, "once", { n: 1 }, { jobId: "order-1:placed" })
      const second = await provider.push(queue, "once", { n: 2 }, { jobId: "order-1:placed" })
      expect(first).toEqual({ id: "order-1:placed", duplicate: false })
      expect(second).toEqual({ id: "order-1:placed", duplicate: true })
      const seen: unknown[] = []
      await provider.consume(queue, async (job) => void seen.push(job.data))
      await eventually(() => expect(seen).toEqual([{ n: 1 }]))
      expect(await provider.push(queue, "once", { n: 3 }, { jobId: "order-1:placed" })).toMatchObject({ duplicate: true })
      await sleep(100)
      expect(seen).toHaveLength(1)
    })

    it("pushes in bulk, reporting duplicates", async () => {
      await provider.push(queue, "x", 0, { jobId: "dup" })
      const results = await provider.pushBulk(queue, [
        { name: "x", data: 1 },
        { name: "x", data: 2, options: { jobId: "dup" } },
        { name: "x", data: 3, options: { jobId: "b3" } },
      ])
      expect(results.map((r) => r.duplicate)).toEqual([false, true, false])
      expect(results[2].id).toBe("b3")
      expect((await provider.counts(queue)).waiting).toBe(3)
    })

    it("holds a delayed job until its delay passes", async () => {
      const ranAt: number[] = []
      await provider.consume(queue, async () => void ranAt.push(Date.now()))
      const pushedAt = Date.now()
      await provider.push(queue, "later", {}, { delayMs: 400 })
      expect((await provider.counts(queue)).delayed).toBe(1)
      await eventually(() => expect(ranAt).toHaveLength(1))
      expect(ranAt[0] - pushedAt).toBeGreaterThanOrEqual(380)
    })

    it("runs higher priorities first, and jobs without a priority before them", async () => {
      await provider.pause(queue)
      await provider.push(queue, "p", "low", { priority: 10 })
      await provider.push(queue, "p", "high", { priority: 1 })
      await provider.push(queue, "p", "none")
      const order: unknown[] = []
      await provider.consume(queue, async (job) => void order.push(job.data), { concurrency: 1 })
      await provider.resume(queue)
      await eventually(() => expect(order).toEqual(["none", "high", "low"]))
    })

    it("retries with backoff and applies the effect exactly once", async () => {
      let calls = 0
      const effects: string[] = []
      await provider.consume(queue, async (job) => {
        calls++
        if (job.attempt < 3) throw new Error(`busy (attempt ${job.attempt})`)
        effects.push(job.id)
      })
      const { id } = await provider.push(queue, "flaky", {}, quickRetry)
      await eventually(() => expect(effects).toEqual([id]))
      expect(calls).toBe(3)
      await eventually(async () => expect(await provider.counts(queue)).toMatchObject({ completed: 1, failed: 0, dead: 0 }))
    })

    it("waits at least the Retry-After a failed attempt asks for, then retries", async () => {
      const startedAt: number[] = []
      await provider.consume(queue, async (job) => {
        startedAt.push(Date.now())
        if (job.attempt === 1) throw new RetryLaterError("429 Too Many Requests", 400)
      })
      await provider.push(queue, "throttled", {}, quickRetry)
      await eventually(() => expect(startedAt).toHaveLength(2))
      expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(380)
      await eventually(async () => expect(await provider.counts(queue)).toMatchObject({ completed: 1, dead: 0 }))
    })

    it("dead-letters a job that fails every attempt, with every error, and replays it", async () => {
      let broken = true
      const done: unknown[] = []
      await provider.consume(queue, async (job) => {
        if (broken) throw new Error(`provider down (attempt ${job.attempt})`)
        done.push(job.data)
      })
      const { id } = await provider.push(queue, "send", { to: "customer-1" }, quickRetry)
      await eventually(async () => expect((await provider.counts(queue)).dead).toBe(1))

      const { items, count } = await provider.deadLetters(queue, { offset: 0, limit: 10 })
      expect(count).toBe(1)
      expect(items[0]).toMatchObject({ id, queue, name: "send", data: { to: "customer-1" } })
      expect(items[0].attempts.map((a) => [a.attempt, a.error])).toEqual([
        [1, "provider down (attempt 1)"],
        [2, "provider down (attempt 2)"],
        [3, "provider down (attempt 3)"],
      ])
      expect(items[0].attempts.every((a) => a.failed_at instanceof Date)).toBe(true)
      expect(items[0].dead_at.getTime()).toBeGreaterThanOrEqual(items[0].created_at.getTime())

      broken = false
      expect(await provider.replay(queue, [id])).toBe(1)
      await eventually(() => expect(done).toEqual([{ to: "customer-1" }]))
      expect((await provider.counts(queue)).dead).toBe(0)
    })

    it("dead-letters a permanent failure without using the remaining attempts", async () => {
      let calls = 0
      await provider.consume(queue, async () => {
        calls++
        throw new PermanentJobError("invalid phone number")
      })
      await provider.push(queue, "sms", {}, { ...quickRetry, attempts: 5 })
      await eventually(async () => expect((await provider.counts(queue)).dead).toBe(1))
      expect(calls).toBe(1)
      const { items } = await provider.deadLetters(queue, { offset: 0, limit: 1 })
      expect(items[0].attempts).toEqual([expect.objectContaining({ attempt: 1, error: "invalid phone number" })])
    })

    it("replays a selection or all dead letters, and discards them", async () => {
      await provider.consume(queue, async (job) => {
        if ((job.data as { fail: boolean }).fail) throw new PermanentJobError("no")
      })
      const ids = []
      for (let i = 0; i < 4; i++) ids.push((await provider.push(queue, "d", { fail: true, i })).id)
      await eventually(async () => expect((await provider.counts(queue)).dead).toBe(4))
      const page = await provider.deadLetters(queue, { offset: 1, limit: 2 })
      expect(page).toMatchObject({ count: 4 })
      expect(page.items).toHaveLength(2)

      expect(await provider.discard(queue, [ids[0]])).toBe(1)
      expect(await provider.discard(queue, ["no-such-job"])).toBe(0)
      expect((await provider.counts(queue)).dead).toBe(3)
      expect(await provider.replay(queue, [ids[1], ids[2]])).toBe(2)
      await eventually(async () => expect((await provider.counts(queue)).dead).toBe(3))
      expect(await provider.discard(queue)).toBe(3)
      expect((await provider.counts(queue)).dead).toBe(0)
    })

    it("hands out batches to fetch, and settles them with commit and fail", async () => {
      for (let i = 0; i < 5; i++) await provider.push(queue, "b", i, { attempts: 2, backoff: { type: "fixed", delayMs: 300, jitter: 0 } })
      const batch = await provider.fetchBatch<number>(queue, 3)
      expect(batch.map((job) => job.data)).toEqual([0, 1, 2])
      expect((await provider.counts(queue)).active).toBe(3)

      await provider.commit(queue, [batch[0].id, batch[1].id])
      expect(await provider.fail(queue, batch[2].id, new Error("bad row"))).toBe("retrying")

      const rest = await provider.fetchBatch<number>(queue, 10)
      expect(rest.map((job) => job.data)).toEqual([3, 4])
      await provider.commit(queue, rest.map((job) => job.id))

      const retried = await eventuallyValue(async () => {
        const jobs = await provider.fetchBatch<number>(queue, 10)
        return jobs.length ? jobs : undefined
      })
      expect(retried.map((job) => [job.data, job.attempt])).toEqual([[2, 2]])
      expect(await provider.fail(queue, retried[0].id, new Error("bad row again"))).toBe("dead")
      expect(await provider.counts(queue)).toMatchObject({ completed: 4, dead: 1, active: 0 })
    })

    it("processes nothing while paused", async () => {
      const seen: unknown[] = []
      await provider.consume(queue, async (job) => void seen.push(job.data))
      await provider.pause(queue)
      await provider.push(queue, "p", 1)
      await sleep(300)
      expect(seen).toEqual([])
      expect(await provider.counts(queue)).toMatchObject({ paused: true })
      await provider.resume(queue)
      await eventually(() => expect(seen).toEqual([1]))
      expect((await provider.counts(queue)).paused).toBe(false)
    })

    it("runs at most `concurrency` jobs at once", async () => {
      let active = 0
      let peak = 0
      await provider.consume(
        queue,
        async () => {
          peak = Math.max(peak, ++active)
          await sleep(50)
          active--
        },
        { concurrency: 2 }
      )
      await provider.pushBulk(queue, Array.from({ length: 8 }, (_, i) => ({ name: "c", data: i })))
      await eventually(async () => expect((await provider.counts(queue)).completed).toBe(8))
      expect(peak).toBe(2)
    })

    it("starts at most `max` jobs per rate-limit window", async () => {
      const started: number[] = []
      await provider.consume(queue, async () => void started.push(Date.now()), {
        concurrency: 10,
        rateLimit: { max: 2, durationMs: 300 },
      })
      await provider.pushBulk(queue, Array.from({ length: 6 }, (_, i) => ({ name: "r", data: i })))
      await eventually(() => expect(started).toHaveLength(6), 5000)
      expect(started[5] - started[0]).toBeGreaterThanOrEqual(550)
    })

    it("reports throughput and lists its queues", async () => {
      await provider.consume(queue, async () => undefined)
      await provider.pushBulk(queue, Array.from({ length: 3 }, (_, i) => ({ name: "t", data: i })))
      await eventually(async () => expect((await provider.counts(queue)).completed).toBe(3))
      expect(await provider.throughput(queue, 1)).toBeGreaterThanOrEqual(3)
      expect(await provider.queues()).toContain(queue)
      expect(await provider.ping()).toBeGreaterThanOrEqual(0)
    })

    it("closes idempotently after letting active jobs finish", async () => {
      let finished = false
      await provider.consume(queue, async () => {
        await sleep(200)
        finished = true
      })
      await provider.push(queue, "slow", {})
      await eventually(async () => expect((await provider.counts(queue)).active).toBe(1))
      await provider.close({ timeoutMs: 2000 })
      await provider.close()
      expect(finished).toBe(true)
    })
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Retries an assertion until it passes or `timeoutMs` runs out. */
export async function eventually(assertion: () => unknown, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await assertion()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(20)
    }
  }
}

async function eventuallyValue<T>(probe: () => Promise<T | undefined>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await sleep(20)
  }
  throw new Error("Timed out waiting for a value")
}
