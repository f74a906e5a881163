import { MedusaError } from "@medusajs/framework/utils"
import type { BullMQQueueOptions, ResolvedBullMQQueueOptions, RetentionOptions } from "./types"
import { BULLMQ_DEFAULTS } from "./types"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `BullMQ queue provider: ${message}`)

function checkInteger(name: string, value: unknown, min: number): void {
  if (value === undefined) return
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw invalid(`\`${name}\` must be an integer of at least ${min}, got ${JSON.stringify(value)}`)
  }
}

function checkRetention(name: string, value: unknown): void {
  if (value === undefined) return
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(`\`${name}\` must be an object { ageSeconds?, count? }, got ${JSON.stringify(value)}`)
  }
  const retention = value as RetentionOptions
  checkInteger(`${name}.ageSeconds`, retention.ageSeconds, 0)
  checkInteger(`${name}.count`, retention.count, 0)
}

/** Throws an INVALID_DATA MedusaError naming the first missing or bad option. */
export function validateOptions(options: unknown): void {
  if (!options || typeof options !== "object") {
    throw invalid("options are required; set at least `redisUrl`")
  }
  const o = options as Partial<Record<keyof BullMQQueueOptions, unknown>>
  if (typeof o.redisUrl !== "string" || !o.redisUrl.trim()) {
    throw invalid("`redisUrl` is required (e.g. redis://localhost:6379)")
  }
  if (!/^rediss?:\/\//i.test(o.redisUrl)) {
    throw invalid("`redisUrl` must start with redis:// or rediss://")
  }
  if (o.prefix !== undefined && (typeof o.prefix !== "string" || !o.prefix || /\s/.test(o.prefix))) {
    throw invalid(`\`prefix\` must be a non-empty string without spaces, got ${JSON.stringify(o.prefix)}`)
  }
  checkInteger("lockDurationMs", o.lockDurationMs, 1)
  checkInteger("stalledIntervalMs", o.stalledIntervalMs, 1)
  checkInteger("maxStalledCount", o.maxStalledCount, 0)
  checkInteger("metricsMaxDataPoints", o.metricsMaxDataPoints, 1)
  checkRetention("completedRetention", o.completedRetention)
  if (o.deadLetterRetention !== false) checkRetention("deadLetterRetention", o.deadLetterRetention)
}

export function resolveOptions(options: BullMQQueueOptions): ResolvedBullMQQueueOptions {
  validateOptions(options)
  return {
    redisUrl: options.redisUrl,
    prefix: options.prefix ?? BULLMQ_DEFAULTS.prefix,
    lockDurationMs: options.lockDurationMs ?? BULLMQ_DEFAULTS.lockDurationMs,
    stalledIntervalMs: options.stalledIntervalMs ?? BULLMQ_DEFAULTS.stalledIntervalMs,
    maxStalledCount: options.maxStalledCount ?? BULLMQ_DEFAULTS.maxStalledCount,
    completedRetention: { ...BULLMQ_DEFAULTS.completedRetention, ...options.completedRetention },
    deadLetterRetention: options.deadLetterRetention ?? BULLMQ_DEFAULTS.deadLetterRetention,
    metricsMaxDataPoints: options.metricsMaxDataPoints ?? BULLMQ_DEFAULTS.metricsMaxDataPoints,
  }
}
