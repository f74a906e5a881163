import type { MedusaResponse } from "@medusajs/framework/http"
import { isEngagementError } from "../../../../engagement/errors"

/**
 * Answers an engagement refusal or failure with its own status (402 budget, 409 OpenAI off,
 * 429 with Retry-After, 502/503 the model server) and a message that says what to do.
 * Returns false for any other error, which Medusa's error handler answers.
 */
export function sendEngagementError(res: MedusaResponse, error: unknown, extra: Record<string, unknown> = {}): boolean {
  if (!isEngagementError(error)) return false
  if (error.retryAfterMs) res.setHeader("Retry-After", String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))))
  res.status(error.status).json({ type: error.code, message: error.message, ...extra })
  return true
}
