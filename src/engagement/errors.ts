import type { EngagementFailureKind } from "../providers/engagement-openai/types"

/**
 * A refusal or failure of the engagement generator that the admin API answers with its own status
 * (402 budget spent, 409 OpenAI off, 429 rate limited, 502/503 the model server). Workflows pass
 * errors on serialized, so routes recognise it by `name`, not by class.
 */
export class EngagementError extends Error {
  readonly status: number
  readonly code: string
  readonly retryAfterMs?: number

  constructor(status: number, code: string, message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = "EngagementError"
    this.status = status
    this.code = code
    if (options.retryAfterMs) this.retryAfterMs = options.retryAfterMs
  }
}

export interface EngagementErrorLike {
  name: "EngagementError"
  status: number
  code: string
  message: string
  retryAfterMs?: number
}

export function isEngagementError(error: unknown): error is EngagementErrorLike {
  return Boolean(error && typeof error === "object" && (error as { name?: unknown }).name === "EngagementError")
}

/** What a failed generation tells the merchant, by why it failed. */
const FAILURES: Record<EngagementFailureKind, { status: number; lead: string }> = {
  rate_limited: { status: 429, lead: "The AI server is rate limiting requests; try again shortly" },
  unavailable: { status: 503, lead: "The AI server is unavailable; try again shortly" },
  malformed_output: { status: 502, lead: "The AI answer could not be used" },
  unauthorized: { status: 502, lead: "The AI server refused the API key; check it in Settings → Integrations → OpenAI" },
  bad_request: { status: 502, lead: "The AI server refused the request" },
}

export interface GenerationFailure {
  kind: EngagementFailureKind
  message: string
  retryAfterMs?: number
}

export function failureError(failure: GenerationFailure, engagementId?: string): EngagementError {
  const { status, lead } = FAILURES[failure.kind] ?? FAILURES.bad_request
  const recorded = engagementId ? ` Recorded as failed engagement ${engagementId}.` : ""
  const detail = failure.message.replace(/\.?$/, ".")
  return new EngagementError(status, failure.kind, `${lead}. ${detail}${recorded}`, { retryAfterMs: failure.retryAfterMs })
}

/** Transient failures are worth another attempt of a bulk job. */
export function isTransient(kind: EngagementFailureKind): boolean {
  return kind === "rate_limited" || kind === "unavailable"
}
