import { performance } from "perf_hooks"
import { MedusaError } from "@medusajs/framework/utils"
import { Job } from "bullmq"
import type IORedis from "ioredis"
import type {
  BulkJob,
  ConsumeOptions,
  DeadLetter,
  JobHandler,
  Page,
  PushOptions,
  PushResult,
  QueueCounts,
  QueueJob,
  QueueProvider,
} from "../../modules/queue/types"
import { BatchFetcher } from "./batch"
import { closeConnection, createConnection, escapeGlob, scanKeys, within } from "./connections"
import { Consumer } from "./consumer"
import { encodeId, toDeadLetter, toJobsOptions } from "./mapping"
import { resolveOptions, validateOptions } from "./options"
import { addJobs } from "./push"
import { QueueStore } from "./store"
import type { BullMQQueueOptions, QueueLogger, ResolvedBullMQQueueOptions } from "./types"

/** Dead letters that other hosts failed a little "in the future" (clock skew) are discarded too. */
const CLOCK_SKEW_MS = 60 * 60 * 1000

const consoleLogger: QueueLogger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * The worker queue on BullMQ and Redis. Jobs survive restarts; consumers in any number of processes
 * share the work; a consumer that dies mid-job loses its lock and the job runs again elsewhere.
 * Dead letters are BullMQ's failed jobs.
 */
export class BullMQQueueProvider implements QueueProvider {
  static identifier = "bullmq"

  static validateOptions(options: Record<string, unknown>): void {
    validateOptions(options)
  }

  private readonly config: ResolvedBullMQQueueOptions
  private readonly logger: QueueLogger
  private readonly connection: IORedis
  private readonly store: QueueStore
  private readonly batches: BatchFetcher
  private readonly consumers = new Map<string, Consumer>()
  private closing?: Promise<void>

  constructor(options: BullMQQueueOptions, logger?: QueueLogger) {
    this.config = resolveOptions(options)
    this.logger = logger ?? consoleLogger
    this.connection = createConnection(this.config.redisUrl, `${this.config.prefix}:cb`, this.logger)
    this.store = new QueueStore(this.connection, this.config, this.logger)
    this.batches = new BatchFetcher(this.store)
  }

  private open(queue: string) {
    if (this.closing) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The BullMQ queue provider is closed")
    if (typeof queue !== "string" || !queue || queue.includes(":")) {
      throw invalid(`Queue name must be a non-empty string without ":", got ${JSON.stringify(queue)}`)
    }
    return this.store.queue(queue)
  }

  async push<Data>(queue: string, name: string, data: Data, options?: PushOptions): Promise<PushResult> {
    const [result] = await this.pushBulk(queue, [{ name, data, options }])
    return result
  }

  /** Adds the jobs in one transaction that also tells duplicate idempotency keys apart (see push.ts). */
  async pushBulk<Data>(queue: string, jobs: BulkJob<Data>[]): Promise<PushResult[]> {
    const bullQueue = this.open(queue)
    if (!jobs.length) return []
    const built = jobs.map(({ name, data, options }) => {
      const jobsOptions = toJobsOptions(options, this.config)
      return { job: new Job(bullQueue, name, data, jobsOptions, jobsOptions.jobId), keyed: options?.jobId !== undefined }
    })
    return addJobs(this.connection, bullQueue, built)
  }

  async consume<Data>(queue: string, handler: JobHandler<Data>, options: ConsumeOptions = {}): Promise<void> {
    this.open(queue)
    if (this.consumers.has(queue)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Queue ${queue} already has a consumer in this process`)
    }
    const { concurrency = 1, rateLimit } = options
    if (!Number.isInteger(concurrency) || concurrency < 1) throw invalid(`concurrency must be an integer of at least 1, got ${concurrency}`)
    if (rateLimit && !(Number.isInteger(rateLimit.max) && rateLimit.max >= 1 && rateLimit.durationMs > 0)) {
      throw invalid(`rateLimit needs an integer max of at least 1 and a positive durationMs, got ${JSON.stringify(rateLimit)}`)
    }
    this.consumers.set(queue, new Consumer(this.store, queue, handler as JobHandler<unknown>, options))
  }

  async fetchBatch<Data>(queue: string, size: number): Promise<QueueJob<Data>[]> {
    this.open(queue)
    if (!Number.isInteger(size) || size < 1) throw invalid(`size must be an integer of at least 1, got ${size}`)
    return this.batches.fetch<Data>(queue, size)
  }

  async commit(queue: string, ids: string[]): Promise<void> {
    this.open(queue)
    await this.batches.commit(queue, ids)
  }

  async fail(queue: string, id: string, error: Error): Promise<"retrying" | "dead"> {
    this.open(queue)
    return this.batches.fail(queue, id, error)
  }

  async pause(queue: string): Promise<void> {
    await this.open(queue).pause()
  }

  async resume(queue: string): Promise<void> {
    await this.open(queue).resume()
  }

  async counts(queue: string): Promise<QueueCounts> {
    const bullQueue = this.open(queue)
    const [counts, paused, retrying] = await Promise.all([
      bullQueue.getJobCounts("waiting", "paused", "prioritized", "active", "delayed", "completed", "failed"),
      bullQueue.isPaused(),
      this.connection.scard(this.store.retryingKey(queue)),
    ])
    return {
      waiting: counts.waiting + counts.paused + counts.prioritized,
      active: counts.active,
      delayed: counts.delayed,
      completed: counts.completed,
      failed: retrying,
      dead: counts.failed,
      paused,
    }
  }

  /**
   * Completed jobs per minute over the last `minutes`. Two lower bounds of the true count, the larger
   * wins: the completed set (scored by finish time) is exact while retention kept every job of the
   * window; BullMQ's per-minute metrics survive retention but only count whole minutes (the current
   * one included, so far).
   */
  async throughput(queue: string, minutes: number): Promise<number> {
    const bullQueue = this.open(queue)
    if (!(minutes > 0)) throw invalid(`minutes must be positive, got ${minutes}`)
    const now = Date.now()
    const buckets = Math.max(1, Math.floor(minutes))
    const [retained, metrics] = await Promise.all([
      this.connection.zcount(bullQueue.keys.completed, now - minutes * 60_000, "+inf"),
      bullQueue.getMetrics("completed", 0, buckets),
    ])
    // BullMQ keeps the running minute in meta (count − prevCount, all finished in prevTS's minute) and
    // pushes a data point per elapsed minute, newest first: data[i] is minute (prevTS's minute − 1 − i).
    let counted = 0
    const { count, prevTS, prevCount } = metrics.meta
    if (prevTS) {
      const firstMinute = Math.floor(now / 60_000) - buckets + 1
      const current = Math.floor(prevTS / 60_000)
      if (current >= firstMinute) counted += count - prevCount
      metrics.data.forEach((point, index) => {
        if (current - 1 - index >= firstMinute) counted += point
      })
    }
    return Math.max(retained, counted) / minutes
  }

  async queues(): Promise<string[]> {
    if (this.closing) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The BullMQ queue provider is closed")
    const { prefix } = this.config
    const keys = await scanKeys(this.connection, `${escapeGlob(prefix)}:*:meta`)
    const names = keys
      .map((key) => key.slice(prefix.length + 1, -":meta".length))
      .filter((name) => name && !name.includes(":"))
    return [...new Set(names)].sort()
  }

  async deadLetters<Data>(queue: string, page: { offset: number; limit: number }): Promise<Page<DeadLetter<Data>>> {
    const bullQueue = this.open(queue)
    const offset = Math.max(0, Math.floor(page.offset))
    const limit = Math.floor(page.limit)
    const [jobs, count] = await Promise.all([
      limit > 0 ? bullQueue.getJobs(["failed"], offset, offset + limit - 1, false) : Promise.resolve([]),
      bullQueue.getFailedCount(),
    ])
    const logs = await Promise.all(jobs.map((job) => bullQueue.getJobLogs(job.id!)))
    return { items: jobs.map((job, index) => toDeadLetter<Data>(queue, job as Job, logs[index].logs)), count }
  }

  async replay(queue: string, ids?: string[]): Promise<number> {
    const bullQueue = this.open(queue)
    const bullIds = ids ? ids.map(encodeId) : await bullQueue.getRanges(["failed"], 0, -1, true)
    let replayed = 0
    for (const id of bullIds) {
      const job = await bullQueue.getJob(id)
      if (!job) continue
      try {
        await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true })
        replayed++
      } catch (error) {
        // Not (or no longer) a dead letter: replayed or discarded meanwhile, or never failed.
        if (!/is not in the failed state|Missing key for job/.test((error as Error).message)) throw error
      }
    }
    return replayed
  }

  async discard(queue: string, ids?: string[]): Promise<number> {
    const bullQueue = this.open(queue)
    let removed: string[] = []
    if (!ids) {
      removed = await bullQueue.clean(-CLOCK_SKEW_MS, 0, "failed")
    } else {
      for (const id of ids.map(encodeId)) {
        const job = await bullQueue.getJob(id)
        if (!job || !(await job.isFailed())) continue
        await job.remove()
        removed.push(id)
      }
    }
    if (removed.length) await this.connection.srem(this.store.retryingKey(queue), ...removed)
    return removed.length
  }

  async ping(): Promise<number> {
    const started = performance.now()
    await this.connection.ping()
    return performance.now() - started
  }

  close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.closing ??= this.shutdown(options.timeoutMs ?? 10_000)
    return this.closing
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    const consumers = [...this.consumers.values()]
    this.consumers.clear()
    const closed = await Promise.all(consumers.map((consumer) => consumer.close(timeoutMs)))
    await within(this.batches.close().then(() => true), 1000)
    await this.store.close()
    if (closed.every(Boolean)) {
      await closeConnection(this.connection)
      return
    }
    // A worker still waits on Redis: close the shared connection only once it gave up.
    void Promise.all(consumers.map((consumer) => consumer.closed)).then(() => closeConnection(this.connection))
  }
}
