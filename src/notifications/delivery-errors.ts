import { MedusaError } from "@medusajs/framework/utils"

export type FailureKind = "transient" | "permanent"

export interface DeliveryFailure {
  kind: FailureKind
  retryAfterMs: number
  /** What happened, without the marker; already free of secrets and contact data. */
  reason: string
}

/**
 * Medusa's Notification Module rethrows a provider's error as a new error that keeps only the
 * message, so the verdict travels inside it as a marker: "… [cb:transient;retry-after=2000]".
 */
const MARKER = /\s*\[cb:(transient|permanent)(?:;retry-after=(\d+))?\]/

/** A vendor refused or could not take a message; the message says whether trying again can help. */
export class VendorDeliveryError extends MedusaError {
  constructor(
    readonly vendor: string,
    readonly kind: FailureKind,
    detail: string,
    readonly retryAfterMs = 0
  ) {
    super(MedusaError.Types.UNEXPECTED_STATE, `${vendor}: ${detail} [cb:${kind}${retryAfterMs > 0 ? `;retry-after=${retryAfterMs}` : ""}]`)
  }
}

/** The verdict on any error a send raised; errors without a marker (network, timeouts) are transient. */
export function classifyFailure(error: unknown): DeliveryFailure {
  const message = error instanceof Error ? error.message : String(error)
  const match = message.match(MARKER)
  const reason = message
    .replace(MARKER, "")
    .replace(/^Failed to send notification with id \S+:\s*/, "")
    .trim()
  if (!match) return { kind: "transient", retryAfterMs: 0, reason }
  return { kind: match[1] as FailureKind, retryAfterMs: Number(match[2] ?? 0), reason }
}

/** HTTP statuses after which the same request may succeed later. */
export function isTransientStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; 0 when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | null | undefined, now = Date.now()): number {
  const raw = Array.isArray(value) ? value[0] : value
  if (!raw) return 0
  const seconds = Number(raw)
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000))
  const date = Date.parse(raw)
  return Number.isNaN(date) ? 0 : Math.max(0, date - now)
}
