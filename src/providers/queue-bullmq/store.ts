import { Queue } from "bullmq"
import type { Job, Worker, WorkerOptions } from "bullmq"
import type IORedis from "ioredis"
import { isPermanent } from "../../modules/queue/types"
import { attemptLogLine, backoffStrategy, decodeId, errorMessage } from "./mapping"
import type { QueueLogger, ResolvedBullMQQueueOptions } from "./types"

/**
 * What the provider's parts share: the Redis connection, the options, one BullMQ `Queue` per queue
 * name, and the bookkeeping BullMQ lacks — every failed attempt with its time (in the job log) and
 * the set of jobs waiting for a retry (`<prefix>:<queue>:cb:retrying`).
 */
export class QueueStore {
  private readonly queueCache = new Map<string, Queue>()

  constructor(
    readonly connection: IORedis,
    readonly config: ResolvedBullMQQueueOptions,
    readonly logger: QueueLogger
  ) {}

  queue(name: string): Queue {
    let queue = this.queueCache.get(name)
    if (!queue) {
      // The connection is shared: closing the Queue leaves it open, the provider closes it last.
      queue = new Queue(name, { connection: this.connection, prefix: this.config.prefix })
      queue.on("error", (error: Error) => this.logger.error(`BullMQ queue ${name}: ${error.message}`))
      this.queueCache.set(name, queue)
    }
    return queue
  }

  get openQueues(): Queue[] {
    return [...this.queueCache.values()]
  }

  /** Options every worker of the provider shares; the shared connection is duplicated for blocking reads. */
  workerOptions(): WorkerOptions {
    return {
      connection: this.connection,
      prefix: this.config.prefix,
      lockDuration: this.config.lockDurationMs,
      stalledInterval: this.config.stalledIntervalMs,
      maxStalledCount: this.config.maxStalledCount,
      metrics: { maxDataPoints: this.config.metricsMaxDataPoints },
      settings: { backoffStrategy },
    }
  }

  retryingKey(queue: string): string {
    return this.queue(queue).toKey("cb:retrying")
  }

  /** Reports a worker's background failures, and forgets retries of jobs that ended up dead. */
  watch(worker: Worker, queue: string): void {
    worker.on("error", (error: Error) => this.logger.error(`BullMQ worker of queue ${queue}: ${error.message}`))
    worker.on("stalled", (jobId: string) =>
      this.logger.warn(`BullMQ queue ${queue}: job ${decodeId(jobId)} stalled (its consumer died or blocked) and runs again`)
    )
    worker.on("failed", (job: Job | undefined) => {
      // A job that stalled too often is failed by BullMQ without our processor seeing it.
      if (job?.finishedOn) void this.forgetRetry(queue, job)
    })
  }

  /**
   * Records a failed attempt (error and time) and whether the job will be retried.
   * Never throws: a bookkeeping failure must not hide the job's own error.
   */
  async recordFailure(queue: string, job: Job, error: unknown): Promise<"retrying" | "dead"> {
    const attempt = (job.attemptsMade ?? 0) + 1
    const outcome = !isPermanent(error) && attempt < (job.opts.attempts ?? 1) ? "retrying" : "dead"
    const key = this.retryingKey(queue)
    try {
      await Promise.all([
        job.log(attemptLogLine(attempt, errorMessage(error), Date.now())),
        outcome === "retrying" ? this.connection.sadd(key, job.id!) : this.connection.srem(key, job.id!),
      ])
    } catch (bookkeepingError) {
      this.logger.error(`BullMQ queue ${queue}: could not record the failed attempt of job ${decodeId(job.id!)}: ${errorMessage(bookkeepingError)}`)
    }
    return outcome
  }

  /** The job no longer waits for a retry (it completed, died or was removed). Never throws. */
  async forgetRetry(queue: string, job: Job | string): Promise<void> {
    // Only a job that failed before (or stalled, e.g. after a failure it could not report) can be in
    // the set: skip the round trip for the others.
    if (typeof job !== "string" && !job.attemptsMade && !job.stalledCounter) return
    const id = typeof job === "string" ? job : job.id!
    try {
      await this.connection.srem(this.retryingKey(queue), id)
    } catch (error) {
      this.logger.error(`BullMQ queue ${queue}: could not update the retry set for job ${decodeId(id)}: ${errorMessage(error)}`)
    }
  }

  async close(): Promise<void> {
    const queues = this.openQueues
    this.queueCache.clear()
    await Promise.all(
      queues.map((queue) => queue.close().catch((error: Error) => this.logger.warn(`BullMQ queue ${queue.name}: close failed: ${error.message}`)))
    )
  }
}
