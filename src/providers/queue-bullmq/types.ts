/** Options of the BullMQ queue provider: jobs live in Redis, consumers may run in any process. */
export interface BullMQQueueOptions {
  /**
   * Where Redis listens, e.g. `redis://:password@host:6379/0` or `rediss://…` for TLS.
   * Required.
   */
  redisUrl: string
  /**
   * Prefix of every key the provider writes. The braces make it a Redis Cluster hash tag, so every key
   * of every queue lands on one slot (BullMQ's Lua scripts touch several keys at once).
   * @defaultValue "{cb}"
   */
  prefix?: string
  /**
   * How long a consumer holds the lock of a job it runs; the lock is renewed every half of it while
   * the handler runs. A job whose lock expires (its process died) is taken back by the stalled check.
   * @defaultValue 30000
   */
  lockDurationMs?: number
  /**
   * How often a consumer looks for active jobs whose lock expired and moves them back to waiting.
   * @defaultValue 30000
   */
  stalledIntervalMs?: number
  /**
   * How many times a job may be taken back from a dead consumer before it is dead-lettered.
   * @defaultValue 1
   */
  maxStalledCount?: number
  /**
   * How long completed jobs are kept. Idempotency keys (`jobId`) only hold while their job is kept, so
   * this is also how long a key stays claimed after its job completed.
   * @defaultValue { ageSeconds: 86400, count: 10000 }
   */
  completedRetention?: RetentionOptions
  /**
   * How long dead-lettered jobs are kept; `false` keeps them until they are replayed or discarded.
   * @defaultValue false
   */
  deadLetterRetention?: RetentionOptions | false
  /**
   * How many one-minute data points of completed-job metrics each queue keeps.
   * @defaultValue 10080 (60 × 24 × 7, one week)
   */
  metricsMaxDataPoints?: number
}

export interface RetentionOptions {
  /**
   * Keep jobs at most this many seconds after they finished.
   * @defaultValue 86400 for completed jobs; unlimited for dead letters
   */
  ageSeconds?: number
  /**
   * Keep at most this many jobs, the newest.
   * @defaultValue 10000 for completed jobs; unlimited for dead letters
   */
  count?: number
}

/** The logger the provider reports background failures to (Medusa's logger fits). */
export interface QueueLogger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/** Options with every default applied. */
export interface ResolvedBullMQQueueOptions {
  redisUrl: string
  prefix: string
  lockDurationMs: number
  stalledIntervalMs: number
  maxStalledCount: number
  completedRetention: { ageSeconds: number; count: number }
  deadLetterRetention: RetentionOptions | false
  metricsMaxDataPoints: number
}

export const BULLMQ_DEFAULTS = {
  prefix: "{cb}",
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 1,
  completedRetention: { ageSeconds: 86_400, count: 10_000 },
  deadLetterRetention: false,
  metricsMaxDataPoints: 60 * 24 * 7,
} as const
