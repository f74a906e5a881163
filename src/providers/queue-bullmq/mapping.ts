import { randomUUID } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import type { Job, JobsOptions, KeepJobs, MinimalJob } from "bullmq"
import type { AttemptRecord, BackoffOptions, DeadLetter, PushOptions, QueueJob } from "../../modules/queue/types"
import { DEFAULT_PUSH_OPTIONS, backoffDelay } from "../../modules/queue/types"
import type { ResolvedBullMQQueueOptions, RetentionOptions } from "./types"

/** BullMQ's highest priority number (2^21). */
const PRIORITY_LIMIT = 2 ** 21

/**
 * Our job ids are free-form idempotency keys ("order-1:placed"), BullMQ's custom ids may contain
 * neither ":" nor be an integer. The mapping is a bijection: "%" and ":" are percent-escaped, and an
 * id that would still read as an integer gets a "%i" mark (an escaped id never contains "%i" otherwise).
 */
export function encodeId(id: string): string {
  const escaped = id.replace(/%/g, "%25").replace(/:/g, "%3A")
  return `${parseInt(escaped, 10)}` === escaped ? `%i${escaped}` : escaped
}

export function decodeId(bullId: string): string {
  const unmarked = bullId.startsWith("%i") ? bullId.slice(2) : bullId
  return unmarked.replace(/%(25|3A)/g, (_, code: string) => (code === "25" ? "%" : ":"))
}

/** Without an idempotency key the id is generated here, so a push that Redis ran but whose reply was lost is not added twice when ioredis resends it. */
export function newJobId(): string {
  return randomUUID()
}

function keep({ ageSeconds, count }: RetentionOptions): KeepJobs | false {
  if (ageSeconds !== undefined && count !== undefined) return { age: ageSeconds, count }
  if (ageSeconds !== undefined) return { age: ageSeconds }
  if (count !== undefined) return { count }
  return false
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Jobs name a custom backoff type so BullMQ asks `backoffStrategy` for every delay: the contract's
 * backoff, lengthened to what the failed attempt's error asked for (a vendor's Retry-After).
 */
const BACKOFF_PREFIX = "cb:"

export function backoffStrategy(attemptsMade: number, type: string | undefined, error: Error | undefined, job: MinimalJob | undefined): number {
  const stored = job?.opts.backoff as { delay?: number; jitter?: number } | undefined
  const backoff: BackoffOptions = {
    type: type === `${BACKOFF_PREFIX}fixed` ? "fixed" : "exponential",
    delayMs: stored?.delay ?? DEFAULT_PUSH_OPTIONS.backoff.delayMs,
    jitter: stored?.jitter,
  }
  return backoffDelay(backoff, attemptsMade, error)
}

/** Our push options as BullMQ job options, with the contract's defaults and the provider's retention. */
export function toJobsOptions(options: PushOptions = {}, config: ResolvedBullMQQueueOptions): JobsOptions {
  const attempts = options.attempts ?? DEFAULT_PUSH_OPTIONS.attempts
  if (!Number.isInteger(attempts) || attempts < 1) throw invalid(`attempts must be an integer of at least 1, got ${attempts}`)
  const { priority, delayMs, jobId } = options
  if (jobId !== undefined && (typeof jobId !== "string" || !jobId)) throw invalid(`jobId must be a non-empty string, got ${JSON.stringify(jobId)}`)
  if (priority !== undefined && (!Number.isInteger(priority) || priority < 1 || priority > PRIORITY_LIMIT)) {
    throw invalid(`priority must be an integer between 1 and ${PRIORITY_LIMIT}, got ${priority}`)
  }
  if (delayMs !== undefined && !(delayMs >= 0)) throw invalid(`delayMs must not be negative, got ${delayMs}`)
  const backoff = options.backoff ?? DEFAULT_PUSH_OPTIONS.backoff
  if (backoff.type !== "exponential" && backoff.type !== "fixed") throw invalid(`backoff.type must be "exponential" or "fixed", got ${JSON.stringify(backoff.type)}`)
  if (!(backoff.delayMs >= 0)) throw invalid(`backoff.delayMs must not be negative, got ${backoff.delayMs}`)
  return {
    jobId: encodeId(jobId ?? newJobId()),
    attempts,
    backoff: {
      type: `${BACKOFF_PREFIX}${backoff.type}`,
      delay: Math.round(backoff.delayMs),
      jitter: Math.min(Math.max(backoff.jitter ?? 0.5, 0), 1),
    },
    ...(delayMs ? { delay: Math.round(delayMs) } : {}),
    ...(priority !== undefined ? { priority } : {}),
    removeOnComplete: {
      age: config.completedRetention.ageSeconds,
      count: config.completedRetention.count,
    },
    removeOnFail: config.deadLetterRetention === false ? false : keep(config.deadLetterRetention),
  }
}

export function toQueueJob<Data>(queue: string, job: Job): QueueJob<Data> {
  return {
    id: decodeId(job.id!),
    queue,
    name: job.name,
    data: job.data as Data,
    attempt: (job.attemptsMade ?? 0) + 1,
    max_attempts: job.opts.attempts ?? 1,
    created_at: new Date(job.timestamp),
  }
}

/** One failed attempt, as written to the job's log (BullMQ's stacktrace has no timestamps). */
export function attemptLogLine(attempt: number, error: string, failedAt: number): string {
  return JSON.stringify({ cb_attempt: attempt, error, failed_at: failedAt })
}

function parseAttempt(line: string): AttemptRecord | undefined {
  try {
    const entry = JSON.parse(line) as { cb_attempt?: unknown; error?: unknown; failed_at?: unknown }
    if (typeof entry?.cb_attempt !== "number" || typeof entry.failed_at !== "number") return undefined
    return { attempt: entry.cb_attempt, error: String(entry.error ?? ""), failed_at: new Date(entry.failed_at) }
  } catch {
    return undefined
  }
}

/**
 * A failed job as a dead letter. Its attempts come from the job log; a final failure that no handler
 * reported (BullMQ gave up on a job that stalled too often) is added from the job's failedReason.
 */
export function toDeadLetter<Data>(queue: string, job: Job, logs: string[]): DeadLetter<Data> {
  const attempts = logs.map(parseAttempt).filter((a): a is AttemptRecord => a !== undefined)
  const last = attempts[attempts.length - 1]
  const deadAt = job.finishedOn ?? job.processedOn ?? job.timestamp
  if (job.failedReason && (!last || last.failed_at.getTime() < (job.processedOn ?? 0))) {
    attempts.push({ attempt: Math.max(job.attemptsMade ?? 0, (last?.attempt ?? 0) + 1), error: job.failedReason, failed_at: new Date(deadAt) })
  }
  return {
    id: decodeId(job.id!),
    queue,
    name: job.name,
    data: job.data as Data,
    attempts,
    created_at: new Date(job.timestamp),
    dead_at: new Date(deadAt),
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return typeof error === "string" ? error : JSON.stringify(error) ?? String(error)
}
