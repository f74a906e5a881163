import { Queue, Worker } from "bullmq"
import IORedis from "ioredis"
import { BullMQQueueProvider } from "../../src/providers/queue-bullmq/service"

/** One way of running jobs: bare BullMQ, or CommerceBridge's queue module on BullMQ. */
export interface Contender {
  push(jobs: { name: string; data: unknown; attempts?: number }[]): Promise<void>
  consume(handler: (data: any) => Promise<void>, concurrency: number): Promise<void>
  counts(): Promise<{ completed: number; dead: number }>
  close(): Promise<void>
}

const quiet = { info: () => undefined, warn: () => undefined, error: (message: string) => console.error(message) }

export function bareBullMQ(redisUrl: string, prefix: string, queueName: string): Contender {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue(queueName, { connection, prefix })
  let worker: Worker | undefined
  return {
    async push(jobs) {
      await queue.addBulk(
        jobs.map((job) => ({
          name: job.name,
          data: job.data,
          opts: { attempts: job.attempts ?? 1, backoff: { type: "fixed", delay: 0 }, removeOnComplete: { age: 3600, count: 200_000 } },
        }))
      )
    },
    async consume(handler, concurrency) {
      worker = new Worker(queueName, (job) => handler(job.data), {
        connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }),
        prefix,
        concurrency,
      })
    },
    async counts() {
      const counts = await queue.getJobCounts("completed", "failed")
      return { completed: counts.completed, dead: counts.failed }
    },
    async close() {
      await worker?.close()
      await queue.obliterate({ force: true })
      await queue.close()
      connection.disconnect()
    },
  }
}

export function queueModule(redisUrl: string, prefix: string, queueName: string): Contender {
  const provider = new BullMQQueueProvider({ redisUrl, prefix }, quiet)
  return {
    async push(jobs) {
      await provider.pushBulk(
        queueName,
        jobs.map((job) => ({
          name: job.name,
          data: job.data,
          options: { attempts: job.attempts ?? 1, backoff: { type: "fixed" as const, delayMs: 0, jitter: 0 } },
        }))
      )
    },
    async consume(handler, concurrency) {
      await provider.consume(queueName, (job) => handler(job.data), { concurrency })
    },
    async counts() {
      const counts = await provider.counts(queueName)
      return { completed: counts.completed, dead: counts.dead }
    },
    async close() {
      await provider.discard(queueName)
      await provider.close({ timeoutMs: 5000 })
      const redis = new IORedis(redisUrl)
      let cursor = "0"
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000)
        if (keys.length) await redis.del(...keys)
        cursor = next
      } while (cursor !== "0")
      redis.disconnect()
    },
  }
}
