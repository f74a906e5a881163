import { MedusaError } from "@medusajs/framework/utils"
import { redactSecrets } from "../../lib/redact"

const NOT_FOUND = new Set(["index_not_found", "document_not_found", "task_not_found"])

/**
 * A meilisearch client error as a MedusaError: a missing index is NOT_FOUND, a bad filter, sort or
 * setting INVALID_DATA (a 400 in routes), anything else — the engine unreachable, auth, 5xx —
 * UNEXPECTED_STATE with Meilisearch's code. The API key never appears.
 */
export function meilisearchError(error: unknown, host: string, secrets: (string | undefined)[]): MedusaError {
  if (error instanceof MedusaError) return error
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const code = cause?.code
  const message = redactSecrets((error as Error)?.message ?? String(error), secrets)
  if (code && NOT_FOUND.has(code)) return new MedusaError(MedusaError.Types.NOT_FOUND, `Meilisearch: ${message}`)
  if (code?.startsWith("invalid_")) return new MedusaError(MedusaError.Types.INVALID_DATA, `Meilisearch: ${message} (${code})`)
  if ((error as Error)?.name === "MeiliSearchRequestError" || (error as Error)?.name === "MeiliSearchRequestTimeOutError") {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch unreachable at ${host}: ${message}`)
  }
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch: ${message}${code ? ` (${code})` : ""}`)
}
