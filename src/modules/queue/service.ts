import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { parseOrThrow } from "../../lib/validation"
import type { CommerceBridgeOptions } from "../bridge/types"
import { createQueueProvider } from "./provider"
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
  QueueSummary,
} from "./types"
import { ConsumeOptionsSchema, JobNameSchema, PushOptionsSchema, QueueNameSchema } from "./validation"

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000
const THROUGHPUT_WINDOW_MINUTES = 15

type WorkerMode = "shared" | "worker" | "server"

/**
 * The worker queue every CommerceBridge delivery runs through. Any instance pushes; only
 * instances that run background work (MEDUSA_WORKER_MODE shared or worker) consume.
 */
export default class QueueModuleService {
  readonly providerName: string
  readonly consumesJobs: boolean
  private readonly provider: QueueProvider
  private readonly consumed = new Set<string>()
  /** Queues this instance has seen, so most lookups skip a scan of the store. */
  private readonly known = new Set<string>()
  private readonly shutdownTimeoutMs: number
  private readonly logger: Logger

  constructor(
    { logger }: { logger: Logger },
    options: CommerceBridgeOptions = {},
    moduleDeclaration: { worker_mode?: WorkerMode } = {}
  ) {
    this.logger = logger
    const { name, provider } = createQueueProvider(options.queue ?? {}, logger)
    this.providerName = name
    this.provider = provider
    this.consumesJobs = (moduleDeclaration.worker_mode ?? "shared") !== "server"
    this.shutdownTimeoutMs = options.queue?.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS
  }

  __hooks = {
    onApplicationShutdown: async () => {
      try {
        await this.close()
      } catch (error) {
        this.logger.error(`CommerceBridge queue: shutdown failed: ${(error as Error).message}`)
      }
    },
  }

  async push<Data>(queue: string, name: string, data: Data, options: PushOptions = {}): Promise<PushResult> {
    this.validateJob(queue, name, options)
    const result = await this.provider.push(queue, name, data, options)
    this.known.add(queue)
    return result
  }

  async pushBulk<Data>(queue: string, jobs: BulkJob<Data>[]): Promise<PushResult[]> {
    jobs.forEach((job, index) => this.validateJob(queue, job.name, job.options ?? {}, `jobs.${index}.`))
    if (!jobs.length) return []
    const results = await this.provider.pushBulk(queue, jobs)
    this.known.add(queue)
    return results
  }

  /**
   * Registers the handler of a queue. It runs only where this instance consumes jobs;
   * elsewhere the registration is remembered and jobs are left to the workers.
   */
  async registerHandler<Data>(queue: string, handler: JobHandler<Data>, options: ConsumeOptions = {}): Promise<void> {
    parseOrThrow(QueueNameSchema, queue, "queue name")
    parseOrThrow(ConsumeOptionsSchema, options, "consume options")
    if (this.consumed.has(queue)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Queue ${queue} already has a handler`)
    }
    this.consumed.add(queue)
    this.known.add(queue)
    if (this.consumesJobs) {
      await this.provider.consume(queue, handler, options)
    }
  }

  async fetchBatch<Data>(queue: string, size: number): Promise<QueueJob<Data>[]> {
    parseOrThrow(QueueNameSchema, queue, "queue name")
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid batch size: size must be an integer from 1 to 1000")
    }
    return this.provider.fetchBatch(queue, size)
  }

  commit(queue: string, ids: string[]): Promise<void> {
    return this.provider.commit(queue, ids)
  }

  fail(queue: string, id: string, error: Error): Promise<"retrying" | "dead"> {
    return this.provider.fail(queue, id, error)
  }

  async pause(queue: string): Promise<void> {
    await this.assertKnown(queue)
    await this.provider.pause(queue)
  }

  async resume(queue: string): Promise<void> {
    await this.assertKnown(queue)
    await this.provider.resume(queue)
  }

  async counts(queue: string): Promise<QueueCounts> {
    await this.assertKnown(queue)
    return this.provider.counts(queue)
  }

  async listQueues(): Promise<QueueSummary[]> {
    const stored = await this.provider.queues()
    stored.forEach((name) => this.known.add(name))
    const names = [...this.known].sort()
    return Promise.all(names.map((name) => this.summary(name)))
  }

  async retrieveQueue(queue: string): Promise<QueueSummary> {
    await this.assertKnown(queue)
    return this.summary(queue)
  }

  async deadLetters<Data>(queue: string, page: { offset: number; limit: number }): Promise<Page<DeadLetter<Data>>> {
    await this.assertKnown(queue)
    return this.provider.deadLetters(queue, page)
  }

  /** Replays the given dead letters, or all of them; naming jobs that are not dead-lettered is a 404. */
  async replay(queue: string, ids?: string[]): Promise<number> {
    await this.assertKnown(queue)
    return this.requireMatches(queue, ids, await this.provider.replay(queue, ids))
  }

  async discard(queue: string, ids?: string[]): Promise<number> {
    await this.assertKnown(queue)
    return this.requireMatches(queue, ids, await this.provider.discard(queue, ids))
  }

  /** Round trip to the queue's store in milliseconds; throws when it cannot be reached. */
  ping(): Promise<number> {
    return this.provider.ping()
  }

  close(): Promise<void> {
    return this.provider.close({ timeoutMs: this.shutdownTimeoutMs })
  }

  private async summary(name: string): Promise<QueueSummary> {
    const [counts, throughput] = await Promise.all([
      this.provider.counts(name),
      this.provider.throughput(name, THROUGHPUT_WINDOW_MINUTES),
    ])
    return {
      name,
      counts,
      throughput_per_minute: Math.round(throughput * 100) / 100,
      consumed: this.consumesJobs && this.consumed.has(name),
    }
  }

  private validateJob(queue: string, name: string, options: PushOptions, prefix = "") {
    parseOrThrow(QueueNameSchema, queue, "queue name")
    parseOrThrow(JobNameSchema, name, `${prefix}job name`)
    parseOrThrow(PushOptionsSchema, options, `${prefix}job options`)
  }

  private async assertKnown(queue: string) {
    parseOrThrow(QueueNameSchema, queue, "queue name")
    if (this.known.has(queue)) return
    if (!(await this.provider.queues()).includes(queue)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Queue ${queue} was not found`)
    }
    this.known.add(queue)
  }

  private requireMatches(queue: string, ids: string[] | undefined, matched: number): number {
    if (ids?.length && matched === 0) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No dead-lettered job ${ids.join(", ")} in queue ${queue}`)
    }
    return matched
  }
}
