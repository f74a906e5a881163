import { randomUUID } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { UnrecoverableError, Worker } from "bullmq"
import type { Job } from "bullmq"
import type { QueueJob } from "../../modules/queue/types"
import { isPermanent } from "../../modules/queue/types"
import { decodeId, encodeId, errorMessage, toQueueJob } from "./mapping"
import type { QueueStore } from "./store"

interface Held {
  job: Job
  token: string
}

/**
 * Batch consumers: a processor-less BullMQ Worker per queue hands out jobs with `getNextJob`, and the
 * fetched jobs stay locked (their locks renewed here) until `commit` or `fail` settles them. Its
 * stalled check takes back jobs whose holder died, as a consuming worker's does.
 */
export class BatchFetcher {
  private readonly workers = new Map<string, Worker>()
  /** Held jobs per queue, by BullMQ job id. */
  private readonly held = new Map<string, Map<string, Held>>()
  private readonly renewal: NodeJS.Timeout

  constructor(private readonly store: QueueStore) {
    this.renewal = setInterval(() => void this.renewLocks(), Math.max(store.config.lockDurationMs / 2, 50))
    this.renewal.unref()
  }

  private async worker(queue: string): Promise<Worker> {
    let worker = this.workers.get(queue)
    if (!worker) {
      worker = new Worker(queue, undefined, { ...this.store.workerOptions(), autorun: false })
      this.store.watch(worker, queue)
      this.workers.set(queue, worker)
      await worker.startStalledCheckTimer()
    }
    return worker
  }

  private heldOf(queue: string): Map<string, Held> {
    let held = this.held.get(queue)
    if (!held) this.held.set(queue, (held = new Map()))
    return held
  }

  async fetch<Data>(queue: string, size: number): Promise<QueueJob<Data>[]> {
    const worker = await this.worker(queue)
    const held = this.heldOf(queue)
    const jobs: QueueJob<Data>[] = []
    while (jobs.length < size) {
      const token = randomUUID()
      const job = await worker.getNextJob(token, { block: false })
      if (!job) break
      held.set(job.id!, { job, token })
      jobs.push(toQueueJob<Data>(queue, job))
    }
    return jobs
  }

  private take(queue: string, ids: string[]): Held[] {
    const held = this.heldOf(queue)
    const missing = ids.filter((id) => !held.has(encodeId(id)))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Queue ${queue}: job(s) ${missing.join(", ")} were not fetched by this consumer or are already settled`
      )
    }
    return ids.map((id) => {
      const entry = held.get(encodeId(id))!
      held.delete(encodeId(id))
      return entry
    })
  }

  async commit(queue: string, ids: string[]): Promise<void> {
    for (const { job, token } of this.take(queue, ids)) {
      await this.store.forgetRetry(queue, job)
      await job.moveToCompleted(undefined, token, false)
    }
  }

  async fail(queue: string, id: string, error: Error): Promise<"retrying" | "dead"> {
    const [{ job, token }] = this.take(queue, [id])
    const outcome = await this.store.recordFailure(queue, job, error)
    // BullMQ decides the same way: attempts left and not unrecoverable → delayed with backoff.
    await job.moveToFailed(isPermanent(error) ? new UnrecoverableError(errorMessage(error)) : error, token, false)
    return outcome
  }

  private async renewLocks(): Promise<void> {
    for (const [queue, held] of this.held) {
      const worker = this.workers.get(queue)
      if (!worker || !held.size) continue
      const entries = [...held.values()]
      try {
        const failed = await worker.extendJobLocks(
          entries.map((entry) => entry.job.id!),
          entries.map((entry) => entry.token),
          this.store.config.lockDurationMs
        )
        for (const jobId of failed.filter((jobId) => held.has(jobId))) {
          this.store.logger.warn(`BullMQ queue ${queue}: lost the lock of fetched job ${decodeId(jobId)}; it may run again`)
        }
      } catch (error) {
        this.store.logger.error(`BullMQ queue ${queue}: could not renew the locks of fetched jobs: ${errorMessage(error)}`)
      }
    }
  }

  /** Stops renewing locks (unsettled jobs run again once their lock expires) and closes the workers. */
  async close(): Promise<void> {
    clearInterval(this.renewal)
    const workers = [...this.workers.values()]
    this.workers.clear()
    this.held.clear()
    await Promise.all(workers.map((worker) => worker.close().catch(() => undefined)))
  }
}
