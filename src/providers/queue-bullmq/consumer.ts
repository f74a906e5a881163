import { UnrecoverableError, WaitingError, Worker } from "bullmq"
import type { Job } from "bullmq"
import type { ConsumeOptions, JobHandler } from "../../modules/queue/types"
import { isPermanent } from "../../modules/queue/types"
import { within } from "./connections"
import { errorMessage, toQueueJob } from "./mapping"
import type { QueueStore } from "./store"

const ABANDONED = Symbol("abandoned")

/**
 * One queue's consumer: a BullMQ Worker running `handler` with the contract's semantics on top —
 * failed attempts are recorded, permanent errors skip the remaining attempts, and a shutdown that
 * runs out of time can abandon the jobs still running.
 */
export class Consumer {
  readonly worker: Worker
  /** One per running job: gives up waiting for it (a per-job promise, so finished jobs leave nothing behind). */
  private readonly abandonHooks = new Set<() => void>()
  private gaveUp = false

  constructor(
    private readonly store: QueueStore,
    private readonly queue: string,
    private readonly handler: JobHandler<unknown>,
    options: ConsumeOptions = {}
  ) {
    const { concurrency = 1, rateLimit } = options
    this.worker = new Worker(queue, (job: Job) => this.process(job), {
      ...store.workerOptions(),
      concurrency,
      ...(rateLimit ? { limiter: { max: rateLimit.max, duration: rateLimit.durationMs } } : {}),
    })
    store.watch(this.worker, queue)
  }

  private async process(job: Job): Promise<void> {
    if (this.gaveUp) throw new WaitingError() // fetched while shutdown gave up: see below
    let abandon!: () => void
    const abandoned = new Promise<typeof ABANDONED>((resolve) => (abandon = () => resolve(ABANDONED)))
    this.abandonHooks.add(abandon)
    const run = this.run(job)
    try {
      if ((await Promise.race([run, abandoned])) === ABANDONED) {
        // Shutdown gave up on this job: leave it active and locked in Redis. BullMQ treats a
        // WaitingError of a closing worker as "job handed elsewhere" and does not touch it; the
        // lock expires and the stalled check of a live consumer runs the job again.
        run.catch(() => undefined)
        throw new WaitingError()
      }
    } finally {
      this.abandonHooks.delete(abandon)
    }
  }

  private async run(job: Job): Promise<void> {
    try {
      await this.handler(toQueueJob(this.queue, job))
    } catch (error) {
      if (this.gaveUp) return // the job was abandoned to the stalled check: nothing to record
      await this.store.recordFailure(this.queue, job, error)
      if (isPermanent(error)) throw new UnrecoverableError(errorMessage(error))
      throw error instanceof Error ? error : new Error(errorMessage(error))
    }
    if (!this.gaveUp) await this.store.forgetRetry(this.queue, job)
  }

  /**
   * Stops taking jobs and waits up to `timeoutMs` for the running ones; past that they are abandoned
   * (see `process`). Resolves once the worker is closed, or `false` after a further `graceMs` if it
   * still is not (Redis unreachable): the caller must then keep the shared connection open, because
   * BullMQ would otherwise spin retrying a completion on a closed connection.
   */
  async close(timeoutMs: number, graceMs = 1000): Promise<boolean> {
    const closed = this.worker.close().then(
      () => true,
      (error: Error) => {
        this.store.logger.error(`BullMQ worker of queue ${this.queue}: close failed: ${error.message}`)
        return true
      }
    )
    if (await within(closed, timeoutMs)) return true
    if (this.abandonHooks.size > 0) {
      this.store.logger.warn(
        `BullMQ queue ${this.queue}: ${this.abandonHooks.size} job(s) still running after ${timeoutMs} ms; ` +
          "leaving them to run again once their lock expires"
      )
    }
    this.gaveUp = true
    for (const abandon of this.abandonHooks) abandon()
    if (await within(closed, graceMs)) return true
    this.store.logger.error(`BullMQ worker of queue ${this.queue} did not close; is Redis reachable?`)
    return false
  }

  /** Resolves when the worker's close settles (for a late cleanup). */
  get closed(): Promise<void> {
    return this.worker.close().catch(() => undefined)
  }
}
