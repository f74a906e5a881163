import { MedusaError } from "@medusajs/framework/utils"
import { redactSecrets } from "../../lib/redact"

type ErrorCause = { type?: string; reason?: string; root_cause?: ErrorCause[] }
const UNREACHABLE = new Set(["ConnectionError", "TimeoutError", "NoLivingConnectionsError", "RequestAbortedError"])

/** The node URL without any `user:password@` it may carry. */
export const displayNode = (node: string) => node.replace(/\/\/[^/@]*@/, "//")

/**
 * An OpenSearch answer with an error status as a MedusaError: a missing index is NOT_FOUND, a request
 * OpenSearch could not parse or apply (400) INVALID_DATA naming OpenSearch's error type, the rest
 * (auth, 429, 5xx) UNEXPECTED_STATE. Also used for the failed entries of an `_msearch`.
 */
export function errorFromBody(status: number | undefined, body: unknown): MedusaError {
  const cause = (body as { error?: ErrorCause | string })?.error
  const error: ErrorCause = typeof cause === "object" && cause ? cause : {}
  const root = error.root_cause?.[0]
  const type = error.type ?? (typeof body === "string" ? body : undefined)
  const reason = root?.reason ?? error.reason ?? (typeof cause === "string" ? cause : `status ${status}`)
  // e.g. `search_phase_execution_exception: failed to create query: … (query_shard_exception)`
  const detail = `${error.type ? `${error.type}: ` : ""}${reason}${root?.type && root.type !== error.type ? ` (${root.type})` : ""}`
  if (error.type === "index_not_found_exception" || status === 404) return new MedusaError(MedusaError.Types.NOT_FOUND, `OpenSearch: ${detail}`)
  if (status === 401 || status === 403) {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `OpenSearch refused the request (${status} ${type ?? "Unauthorized"}): check username and password`)
  }
  if (status === 400) return new MedusaError(MedusaError.Types.INVALID_DATA, `OpenSearch: ${detail}`)
  return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `OpenSearch: ${detail}${status ? ` [${status}]` : ""}`)
}

/** A client error as a MedusaError; the password never appears, nor credentials in the node URL. */
export function openSearchError(error: unknown, node: string, secrets: (string | undefined)[]): MedusaError {
  if (error instanceof MedusaError) return error
  const failure = error as { name?: string; message?: string; meta?: { statusCode?: number; body?: unknown } }
  let mapped: MedusaError
  if (failure?.name === "ResponseError") mapped = errorFromBody(failure.meta?.statusCode, failure.meta?.body)
  else if (UNREACHABLE.has(failure?.name ?? "")) {
    mapped = new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `OpenSearch unreachable at ${displayNode(node)}: ${failure.message}`)
  } else mapped = new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `OpenSearch: ${failure?.message ?? String(error)}`)
  mapped.message = redactSecrets(mapped.message, [...secrets, node.match(/\/\/([^/@]*)@/)?.[1]])
  return mapped
}
