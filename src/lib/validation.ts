import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/** Parses `value`, or throws INVALID_DATA (a 400 in routes) naming the first bad field. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.infer<Schema> {
  const result = schema.safeParse(value)
  if (result.success) {
    return result.data
  }
  const issue = result.error.issues[0]
  const field = issue.path.length ? issue.path.join(".") : what
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid ${what}: ${field}: ${issue.message}`)
}

/** Checks the counts and waits of a resolved options section, naming the first bad one (`notifications.attempts`). */
export function assertRetrySettings(section: string, counts: Record<string, number>, waitsMs: Record<string, number>) {
  for (const [key, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `CommerceBridge option ${section}.${key} must be a positive integer`)
    }
  }
  for (const [key, value] of Object.entries(waitsMs)) {
    if (!(value >= 0)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `CommerceBridge option ${section}.${key} must not be negative`)
  }
}
