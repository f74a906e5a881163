import { assertRetrySettings } from "../lib/validation"
import type { OpenAIEngagementOptions } from "../providers/engagement-openai/types"

/** How the OpenAI client paces and prices requests; the key, base URL and model come from the integration. */
export type EngagementClientOptions = Pick<
  OpenAIEngagementOptions,
  "temperature" | "timeoutMs" | "concurrency" | "requestsPerMinute" | "tokensPerMinute" | "maxRetries" | "prices"
>

/** Options of the engagement generator (`engagement` in the plugin options). */
export interface EngagementOptions {
  /**
   * How the store sounds, in a sentence or two; every prompt carries it
   * (e.g. "Warm, plain-spoken Nordic knitwear brand; no exclamation marks").
   */
  voice?: string
  /**
   * Monthly AI spend limit in USD when the OpenAI integration sets none (its `monthlyBudgetUsd`,
   * entered in the admin or the integration options, wins). Unset: no limit.
   */
  monthlyBudgetUsd?: number
  /**
   * Bulk generation jobs run at once per worker instance; keep it low, model servers rate-limit.
   * @defaultValue 2
   */
  concurrency?: number
  /**
   * Attempts of one bulk job (one product) before it is recorded as failed.
   * @defaultValue 3
   */
  attempts?: number
  /**
   * Wait before a bulk job's first retry; it doubles with every attempt (never shorter than the
   * server's Retry-After).
   * @defaultValue 2000
   */
  backoffMs?: number
  /** Limits and prices of the OpenAI client (requests in flight, requests and tokens per minute, retries, timeout). */
  client?: EngagementClientOptions
}

export interface ResolvedEngagementOptions {
  voice: string | undefined
  monthlyBudgetUsd: number | undefined
  concurrency: number
  attempts: number
  backoffMs: number
  client: EngagementClientOptions
}

/** One job per product of a bulk run. */
export const ENGAGEMENT_QUEUE = "engagement"

export function resolveEngagementOptions(options: EngagementOptions = {}): ResolvedEngagementOptions {
  const resolved = {
    voice: options.voice?.trim() || undefined,
    monthlyBudgetUsd: options.monthlyBudgetUsd,
    concurrency: options.concurrency ?? 2,
    attempts: options.attempts ?? 3,
    backoffMs: options.backoffMs ?? 2000,
    client: options.client ?? {},
  }
  const { concurrency, attempts, backoffMs } = resolved
  assertRetrySettings("engagement", { concurrency, attempts }, { backoffMs })
  if (resolved.monthlyBudgetUsd !== undefined) {
    assertRetrySettings("engagement", {}, { monthlyBudgetUsd: resolved.monthlyBudgetUsd })
  }
  return resolved
}

export function engagementRetryOptions(options: ResolvedEngagementOptions) {
  return { attempts: options.attempts, backoff: { type: "exponential" as const, delayMs: options.backoffMs } }
}
