import { MedusaError } from "@medusajs/framework/utils"
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
import { LocalQueue } from "./local-queue"
import { DEFAULT_LOCAL_QUEUE_OPTIONS, LocalQueueOptions } from "./types"

type Logger = Pick<Console, "info" | "warn" | "error">

/**
 * The worker queue in this process's memory, for development without Redis.
 * Jobs do not survive a restart and are not shared between instances.
 */
export class LocalQueueProvider implements QueueProvider {
  static identifier = "local"

  private readonly options: Required<LocalQueueOptions>
  private readonly queuesByName = new Map<string, LocalQueue>()
  private closing?: Promise<void>

  static validateOptions(options: LocalQueueOptions = {}) {
    for (const key of ["completedRetentionMs", "completedRetentionCount"] as const) {
      const value = options[key]
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Local queue option ${key} must be a non-negative integer`)
      }
    }
  }

  constructor(
    options: LocalQueueOptions = {},
    private readonly logger: Logger = console
  ) {
    LocalQueueProvider.validateOptions(options)
    this.options = { ...DEFAULT_LOCAL_QUEUE_OPTIONS, ...options }
    this.logger.warn(
      "CommerceBridge queue: using the in-process queue; jobs do not survive a restart. Set REDIS_URL to use BullMQ."
    )
  }

  async push<Data>(queue: string, name: string, data: Data, options?: PushOptions): Promise<PushResult> {
    return this.queue(queue).push(name, data, options)
  }

  async pushBulk<Data>(queue: string, jobs: BulkJob<Data>[]): Promise<PushResult[]> {
    const target = this.queue(queue)
    return jobs.map((job) => target.push(job.name, job.data, job.options))
  }

  async consume<Data>(queue: string, handler: JobHandler<Data>, options: ConsumeOptions = {}): Promise<void> {
    this.queue(queue).consume(handler, options)
  }

  async fetchBatch<Data>(queue: string, size: number): Promise<QueueJob<Data>[]> {
    return this.queue(queue).fetch(size) as QueueJob<Data>[]
  }

  async commit(queue: string, ids: string[]): Promise<void> {
    const target = this.queue(queue)
    ids.forEach((id) => target.commit(id))
  }

  async fail(queue: string, id: string, error: Error): Promise<"retrying" | "dead"> {
    return this.queue(queue).fail(id, error)
  }

  async pause(queue: string): Promise<void> {
    this.queue(queue).pause()
  }

  async resume(queue: string): Promise<void> {
    this.queue(queue).resume()
  }

  async counts(queue: string): Promise<QueueCounts> {
    return this.queue(queue).counts()
  }

  async throughput(queue: string, minutes: number): Promise<number> {
    return this.queue(queue).throughput(minutes)
  }

  async queues(): Promise<string[]> {
    return [...this.queuesByName.keys()]
  }

  async deadLetters<Data>(queue: string, { offset, limit }: { offset: number; limit: number }): Promise<Page<DeadLetter<Data>>> {
    const all = this.queue(queue).deadLetters() as DeadLetter<Data>[]
    return { items: all.slice(offset, offset + limit), count: all.length }
  }

  async replay(queue: string, ids?: string[]): Promise<number> {
    return this.queue(queue).replay(ids)
  }

  async discard(queue: string, ids?: string[]): Promise<number> {
    return this.queue(queue).discard(ids)
  }

  async ping(): Promise<number> {
    return 0
  }

  async close({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
    this.closing ??= Promise.all([...this.queuesByName.values()].map((queue) => queue.close(timeoutMs))).then(() => undefined)
    return this.closing
  }

  private queue(name: string): LocalQueue {
    let queue = this.queuesByName.get(name)
    if (!queue) {
      queue = new LocalQueue(
        name,
        { completedRetentionMs: this.options.completedRetentionMs, completedRetentionCount: this.options.completedRetentionCount },
        (error) => this.logger.error(`CommerceBridge queue ${name}: ${error instanceof Error ? error.message : String(error)}`)
      )
      this.queuesByName.set(name, queue)
    }
    return queue
  }
}
