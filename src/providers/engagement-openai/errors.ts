import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai"
import type { EngagementFailureKind, GenerationResult } from "./types"

/** What a generation used before it failed: answered requests are billed, malformed answers included. */
export type GenerationUsage = Pick<GenerationResult<unknown>, "tokensIn" | "tokensOut" | "costUsd" | "attempts">

const TRANSIENT_KINDS: ReadonlySet<EngagementFailureKind> = new Set(["rate_limited", "unavailable"])

export interface EngagementGenerationErrorDetails {
  kind: EngagementFailureKind
  /** Whether trying again later may succeed; by default true for `rate_limited` and `unavailable`. */
  transient?: boolean
  /** The HTTP status the server answered, if it answered. */
  status?: number
  /** How long the server asked to wait before trying again. */
  retryAfterMs?: number
  usage?: GenerationUsage
  cause?: unknown
}

/** A generation that failed; the message names the reason and never holds the API key or the prompt. */
export class EngagementGenerationError extends Error {
  override readonly name = "EngagementGenerationError"
  readonly kind: EngagementFailureKind
  readonly transient: boolean
  readonly status?: number
  readonly retryAfterMs?: number
  readonly usage?: GenerationUsage

  constructor(message: string, details: EngagementGenerationErrorDetails) {
    super(message, { cause: details.cause })
    this.kind = details.kind
    this.transient = details.transient ?? TRANSIENT_KINDS.has(details.kind)
    this.status = details.status
    this.retryAfterMs = details.retryAfterMs
    this.usage = details.usage
  }
}

/** What went wrong with one request, and whether asking again may help. */
export interface RequestFailure {
  kind: EngagementFailureKind
  retryable: boolean
  transient: boolean
  status?: number
  retryAfterMs?: number
  /** Short description for messages and logs (not yet redacted). */
  detail: string
  cause: unknown
}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || (status >= 500 && status !== 501)

/**
 * Sorts an `openai` SDK failure; anything else (a bug) is returned as undefined and rethrown by the caller.
 * A connection error after the whole timeout counts as a timeout: the SDK recognises its own abort by the
 * error's name, which some fetch implementations (and Jest's module sandbox) do not preserve.
 */
export function classifyFailure(error: unknown, timeoutMs: number, elapsedMs: number): RequestFailure | undefined {
  if (error instanceof APIUserAbortError) {
    return { kind: "unavailable", retryable: false, transient: true, detail: "the OpenAI engagement provider was closed", cause: error }
  }
  if (error instanceof APIConnectionTimeoutError || (error instanceof APIConnectionError && elapsedMs >= timeoutMs)) {
    return { kind: "unavailable", retryable: true, transient: true, detail: `no answer within ${timeoutMs} ms`, cause: error }
  }
  if (error instanceof APIConnectionError) {
    return { kind: "unavailable", retryable: true, transient: true, detail: `could not reach the server (${networkCode(error)})`, cause: error }
  }
  if (!(error instanceof APIError) || typeof error.status !== "number") return undefined
  const status = error.status
  const body = error.error as { message?: unknown } | undefined
  const vendorMessage = typeof body?.message === "string" ? body.message : error.message.replace(`${status} `, "")
  const detail = `HTTP ${status}${error.code ? ` ${error.code}` : ""}: ${vendorMessage}`
  const retryAfterMs = retryAfterFrom(error.headers)
  const base = { status, detail, cause: error, retryAfterMs }
  if (status === 401 || status === 403) return { ...base, kind: "unauthorized", retryable: false, transient: false }
  if (status === 429) {
    // An exhausted quota also answers 429, but waiting does not refill it.
    const quota = error.code === "insufficient_quota"
    return { ...base, kind: "rate_limited", retryable: !quota, transient: !quota }
  }
  if (RETRYABLE_STATUS(status)) return { ...base, kind: "unavailable", retryable: true, transient: true }
  return { ...base, kind: "bad_request", retryable: false, transient: false }
}

function networkCode(error: Error): string {
  for (let cause: unknown = error.cause; cause; cause = (cause as Error).cause) {
    const code = (cause as { code?: unknown }).code
    if (typeof code === "string") return code
  }
  return error.message
}

/** The wait a response asks for: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterFrom(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  const milliseconds = parseFloat(headers?.get("retry-after-ms") ?? "")
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.ceil(milliseconds)
  const value = headers?.get("retry-after")?.trim()
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(parseFloat(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const BACKOFF_BASE_MS = 500
const BACKOFF_CAP_MS = 8_000

/** Exponential backoff with jitter for retry number `retry` (0 for the first): 250–500 ms, 500–1000 ms, … */
export function backoffMs(retry: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry)
  return Math.round(ceiling * (0.5 + random() * 0.5))
}
