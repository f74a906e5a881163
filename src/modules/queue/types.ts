/** The worker queue's contract: every provider (BullMQ, in-process) implements it the same way. */

export interface BackoffOptions {
  /** `exponential`: delayMs × 2^(attempt − 1); `fixed`: delayMs every time. */
  type: "exponential" | "fixed"
  delayMs: number
  /**
   * Share of the delay that is randomised (0–1): the wait is drawn between
   * delay × (1 − jitter) and delay, so retries of many jobs spread out.
   * @defaultValue 0.5
   */
  jitter?: number
}

export interface PushOptions {
  /** Idempotency key: a job with an id the queue still holds is not enqueued again. */
  jobId?: string
  /** Wait this long before the job may run. */
  delayMs?: number
  /** 1 runs first; larger numbers run later. Jobs without a priority run before prioritised ones. */
  priority?: number
  /**
   * How many times the job may run in all.
   * @defaultValue 3
   */
  attempts?: number
  /** @defaultValue { type: "exponential", delayMs: 1000, jitter: 0.5 } */
  backoff?: BackoffOptions
}

export interface PushResult {
  id: string
  /** True when a job with this id was already in the queue and nothing was added. */
  duplicate: boolean
}

export interface BulkJob<Data = unknown> {
  name: string
  data: Data
  options?: PushOptions
}

export interface QueueJob<Data = unknown> {
  id: string
  queue: string
  name: string
  data: Data
  /** Attempts started so far, this one included. */
  attempt: number
  max_attempts: number
  created_at: Date
}

export interface AttemptRecord {
  attempt: number
  error: string
  failed_at: Date
}

export interface DeadLetter<Data = unknown> {
  id: string
  queue: string
  name: string
  data: Data
  attempts: AttemptRecord[]
  created_at: Date
  dead_at: Date
}

export type JobHandler<Data = unknown> = (job: QueueJob<Data>) => Promise<unknown>

export interface ConsumeOptions {
  /** @defaultValue 1 */
  concurrency?: number
  /** At most `max` jobs start per `durationMs`. */
  rateLimit?: { max: number; durationMs: number }
}

export interface QueueCounts {
  waiting: number
  active: number
  /** Delayed jobs, retries waiting for their backoff included. */
  delayed: number
  completed: number
  /** Jobs whose last attempt failed and that will be tried again. */
  failed: number
  /** Jobs that used every attempt or failed permanently. */
  dead: number
  paused: boolean
}

export interface Page<Item> {
  items: Item[]
  count: number
}

export interface QueueProvider {
  push<Data>(queue: string, name: string, data: Data, options?: PushOptions): Promise<PushResult>
  pushBulk<Data>(queue: string, jobs: BulkJob<Data>[]): Promise<PushResult[]>
  /** Starts consuming `queue` with `handler`; one consumer per queue and process. */
  consume<Data>(queue: string, handler: JobHandler<Data>, options?: ConsumeOptions): Promise<void>
  /** Takes up to `size` ready jobs for a consumer that works in batches; settle each with commit or fail. */
  fetchBatch<Data>(queue: string, size: number): Promise<QueueJob<Data>[]>
  commit(queue: string, ids: string[]): Promise<void>
  /** Settles a fetched job as failed: it is retried with backoff, or dead-lettered when out of attempts. */
  fail(queue: string, id: string, error: Error): Promise<"retrying" | "dead">
  pause(queue: string): Promise<void>
  resume(queue: string): Promise<void>
  counts(queue: string): Promise<QueueCounts>
  /** Completed jobs per minute over the last `minutes`. */
  throughput(queue: string, minutes: number): Promise<number>
  /** Every queue that holds or has held jobs. */
  queues(): Promise<string[]>
  deadLetters<Data>(queue: string, page: { offset: number; limit: number }): Promise<Page<DeadLetter<Data>>>
  /** Moves dead-lettered jobs back to the queue with fresh attempts; all of them without `ids`. */
  replay(queue: string, ids?: string[]): Promise<number>
  discard(queue: string, ids?: string[]): Promise<number>
  /** Round trip to the backing store, in milliseconds. */
  ping(): Promise<number>
  /** Stops taking jobs, waits up to `timeoutMs` for active ones, then closes every connection. Idempotent. */
  close(options?: { timeoutMs?: number }): Promise<void>
}

/** Thrown by a handler when retrying cannot help (an invalid phone number): the job is dead-lettered at once. */
export class PermanentJobError extends Error {
  readonly permanent = true

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = "PermanentJobError"
  }
}

/**
 * Thrown by a handler when the far side said when to come back (HTTP 429 / 503 with `Retry-After`):
 * the next attempt waits at least `retryAfterMs`, or the backoff when that is longer.
 */
export class RetryLaterError extends Error {
  constructor(message: string, readonly retryAfterMs: number, options?: { cause?: unknown }) {
    super(message, options)
    this.name = "RetryLaterError"
  }
}

/** The least wait before the next attempt that a handler's error asks for (0 when it asks for none). */
export function retryAfterOf(error: unknown): number {
  const value = error && typeof error === "object" && "retryAfterMs" in error ? Number(error.retryAfterMs) : 0
  return Number.isFinite(value) && value > 0 ? value : 0
}

export function isPermanent(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && "permanent" in error && error.permanent === true)
}

export const DEFAULT_PUSH_OPTIONS: Required<Pick<PushOptions, "attempts" | "backoff">> = {
  attempts: 3,
  backoff: { type: "exponential", delayMs: 1000, jitter: 0.5 },
}

/** Wait before attempt `attempt + 1`, after `attempt` failed attempts; at least what the last error asked for. */
export function backoffDelay(backoff: BackoffOptions, attempt: number, error?: unknown, random: () => number = Math.random): number {
  const base = backoff.type === "fixed" ? backoff.delayMs : backoff.delayMs * 2 ** (attempt - 1)
  const jitter = Math.min(Math.max(backoff.jitter ?? 0.5, 0), 1)
  return Math.max(Math.round(base * (1 - jitter * random())), retryAfterOf(error))
}

export interface QueueModuleOptions {
  /**
   * `bullmq` keeps jobs in Redis (production); `local` keeps them in this process (development).
   * @defaultValue "bullmq" when a Redis URL is known, else "local"
   */
  provider?: "bullmq" | "local"
  /** @defaultValue process.env.REDIS_URL */
  redisUrl?: string
  /**
   * Key prefix of every queue; keep the braces so a Redis Cluster keeps a queue's keys on one slot.
   * @defaultValue "{cb}"
   */
  prefix?: string
  /**
   * How long shutdown waits for active jobs before closing connections.
   * @defaultValue 10000
   */
  shutdownTimeoutMs?: number
}

export interface QueueSummary {
  name: string
  counts: QueueCounts
  /** Completed jobs per minute over the last 15 minutes. */
  throughput_per_minute: number
  /** Whether this instance runs a consumer for the queue. */
  consumed: boolean
}
