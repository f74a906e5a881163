import type { ZodType } from "zod"

/** Options of the OpenAI engagement provider (any OpenAI-compatible server). */
export interface OpenAIEngagementOptions {
  /** API key, sent as a bearer token (never logged). */
  apiKey: string
  /**
   * API base URL, for Azure, a proxy, a local model server or the test fixture.
   * @defaultValue "https://api.openai.com/v1"
   */
  baseUrl?: string
  /** @defaultValue "gpt-4o-mini" */
  model?: string
  /** @defaultValue 0.7 */
  temperature?: number
  /**
   * Milliseconds one request may take.
   * @defaultValue 30000
   */
  timeoutMs?: number
  /**
   * Requests in flight at once (per process).
   * @defaultValue 4
   */
  concurrency?: number
  /**
   * Requests started per minute at most; 0 for no limit.
   * @defaultValue 500
   */
  requestsPerMinute?: number
  /**
   * Tokens (prompt estimate + max output) started per minute at most; 0 for no limit.
   * @defaultValue 200000
   */
  tokensPerMinute?: number
  /**
   * Retries of a 429 / 5xx / network failure (each waits at least the server's Retry-After).
   * @defaultValue 3
   */
  maxRetries?: number
  /** USD per million tokens, by model; models not listed cost 0 (a local server). */
  prices?: Record<string, ModelPrice>
}

export interface ModelPrice {
  inputPerMillion: number
  outputPerMillion: number
}

/** One structured generation: the model must answer JSON matching `schema`. */
export interface GenerationRequest<T> {
  /** The instructions (voice, rules); never customer contact data. */
  system: string
  /** The material to write from. */
  prompt: string
  /** Validates the answer; its JSON Schema (zod 4 `z.toJSONSchema`) is sent as the structured-output format. */
  schema: ZodType<T>
  /** Name of the response format, `[a-zA-Z0-9_-]+`. */
  schemaName: string
  /** @defaultValue 800 */
  maxOutputTokens?: number
  /** Overrides the provider's model for this request. */
  model?: string
  /** Carried into the log lines of this generation (retries, malformed answers). */
  correlationId?: string
}

export interface GenerationResult<T> {
  content: T
  model: string
  tokensIn: number
  tokensOut: number
  costUsd: number
  /** Requests made, retries included (a malformed answer is asked again once). */
  attempts: number
}

/**
 * Why a generation failed. `transient` failures (rate limit, server error, network, timeout) may
 * succeed later; `permanent` ones (bad key, bad request, model output malformed twice) will not.
 */
export type EngagementFailureKind = "rate_limited" | "unavailable" | "malformed_output" | "unauthorized" | "bad_request"

