export interface LocalQueueOptions {
  /**
   * How long completed jobs are kept, so their idempotency keys keep working.
   * @defaultValue 86400000 (a day)
   */
  completedRetentionMs?: number
  /**
   * At most this many completed jobs are kept per queue.
   * @defaultValue 10000
   */
  completedRetentionCount?: number
}

export const DEFAULT_LOCAL_QUEUE_OPTIONS: Required<LocalQueueOptions> = {
  completedRetentionMs: 24 * 60 * 60 * 1000,
  completedRetentionCount: 10_000,
}
