/** OpenSearch's error bodies: `{ error: { root_cause: [...], type, reason, ... }, status }`. */

export interface ErrorCause {
  type: string
  reason: string
  caused_by?: ErrorCause
  [detail: string]: unknown
}

export const NODE_ID = "fixture-node-0000000000"

export class OpenSearchError extends Error {
  /** True for failures raised while a shard runs a search; the search wraps them in search_phase_execution_exception. */
  shardLevel = false
  /** For shard-level failures: the index whose shard failed. */
  index?: string
  /** A request-body key whose position OpenSearch reports as line/col (see `withLocation`). */
  locate?: string

  constructor(
    readonly status: number,
    readonly cause: ErrorCause,
    private readonly rootCauses?: ErrorCause[]
  ) {
    super(cause.reason)
  }

  toBody() {
    return { error: { root_cause: this.rootCauses ?? [rootCause(this.cause)], ...this.cause }, status: this.status }
  }
}

/** Causes that are plain Java exceptions: OpenSearch's root cause stops above them. */
const JAVA_EXCEPTIONS = new Set([
  "number_format_exception", "illegal_argument_exception", "illegal_state_exception", "json_parse_exception",
  "named_object_not_found_exception", "x_content_parse_exception",
])

/** The innermost OpenSearch exception in the cause chain, without its own cause (as `root_cause` lists it). */
function rootCause(cause: ErrorCause): ErrorCause {
  let root = cause
  while (root.caused_by && !JAVA_EXCEPTIONS.has(root.caused_by.type)) root = root.caused_by
  const { caused_by: _ignored, ...withoutCause } = root
  return withoutCause
}

/**
 * Adds the `line`/`col` OpenSearch's parser reports: the position of `locate`'s value in the raw request body.
 * Found by searching the body text, which is exact for the compact JSON clients send.
 */
export function withLocation(failure: OpenSearchError, rawBody: string): OpenSearchError {
  if (!failure.locate) return failure
  const at = rawBody.search(new RegExp(`"${failure.locate.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\s*:\\s*`))
  if (at < 0) return failure
  const valueStart = at + (rawBody.slice(at).match(/^"[^"]*"\s*:\s*/)?.[0].length ?? 0)
  const before = rawBody.slice(0, valueStart)
  const line = before.split("\n").length
  const col = valueStart - before.lastIndexOf("\n")
  failure.cause.line = line
  failure.cause.col = col
  if (failure.cause.caused_by) failure.cause.caused_by.reason = `[${line}:${col}] ${failure.cause.caused_by.reason}`
  return failure
}

const error = (status: number, type: string, reason: string, details: Record<string, unknown> = {}) =>
  new OpenSearchError(status, { type, reason, ...details })

export function shardLevel(status: number, cause: ErrorCause, index?: string): OpenSearchError {
  const failure = new OpenSearchError(status, cause)
  failure.shardLevel = true
  failure.index = index
  return failure
}

/** How a search reports a failure raised on a shard: all shards failed (each index has one). */
export function searchPhaseFailure(failure: OpenSearchError): OpenSearchError {
  const cause = failure.cause
  const index = failure.index
  return new OpenSearchError(
    failure.status,
    {
      type: "search_phase_execution_exception",
      reason: "all shards failed",
      phase: "query",
      grouped: true,
      failed_shards: [{ shard: 0, index, node: NODE_ID, reason: cause }],
      caused_by: cause,
    },
    [stripCause(cause)]
  )
}

const stripCause = ({ caused_by: _ignored, ...cause }: ErrorCause) => cause

export const indexNotFound = (index: string, resourceType = "index_or_alias") =>
  error(404, "index_not_found_exception", `no such index [${index}]`, {
    "resource.type": resourceType,
    "resource.id": index,
    index_uuid: "_na_",
    index,
  })

export const resourceAlreadyExists = (index: string, uuid: string) =>
  error(400, "resource_already_exists_exception", `index [${index}/${uuid}] already exists`, { index_uuid: uuid, index })

export const invalidIndexName = (index: string, why: string) =>
  error(400, "invalid_index_name_exception", `Invalid index name [${index}], ${why}`, { index_uuid: "_na_", index })

export const parsingException = (reason: string, details: Record<string, unknown> = {}) =>
  error(400, "parsing_exception", reason, details)

export const parseException = (reason: string) => error(400, "parse_exception", reason)

export const illegalArgument = (reason: string) => error(400, "illegal_argument_exception", reason)

export const validationFailed = (...problems: string[]) =>
  error(400, "action_request_validation_exception", `Validation Failed: ${problems.map((problem, i) => `${i + 1}: ${problem};`).join("")}`)

export const jsonParseFailure = (reason: string) => error(400, "json_parse_exception", reason)

export const mapperParsing = (reason: string, causedBy?: ErrorCause) =>
  error(400, "mapper_parsing_exception", reason, causedBy ? { caused_by: causedBy } : {})

export const strictDynamicMapping = (field: string, parent: string) =>
  error(400, "strict_dynamic_mapping_exception", `mapping set to strict, dynamic introduction of [${field}] within [${parent}] is not allowed`)

export const versionConflict = (index: string, uuid: string, reason: string) =>
  error(409, "version_conflict_engine_exception", reason, { index, shard: "0", index_uuid: uuid })

export const aliasesNotFound = (alias: string) =>
  error(404, "aliases_not_found_exception", `aliases [${alias}] missing`, { "resource.type": "aliases", "resource.id": alias })

export const documentMissing = (index: string, uuid: string, id: string) =>
  error(404, "document_missing_exception", `[${id}]: document missing`, { index, shard: "0", index_uuid: uuid })

/** A shard-level failure to build a query, e.g. a non-numeric value against a numeric field. */
export const queryShardFailure = (reason: string, index: string, uuid: string, causedBy?: ErrorCause) =>
  shardLevel(400, { type: "query_shard_exception", reason, index, index_uuid: uuid, ...(causedBy ? { caused_by: causedBy } : {}) }, index)

export const fielddataDisabled = (field: string, index: string) =>
  shardLevel(400, {
    type: "illegal_argument_exception",
    reason:
      "Text fields are not optimised for operations that require per-document field data like aggregations and sorting, " +
      "so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true " +
      `on [${field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.`,
  }, index)

/** Real OpenSearch accepts this, but the fixture does not implement it: fail loudly rather than answer wrongly. */
export const unsupported = (what: string) =>
  error(501, "fixture_unsupported_exception", `The OpenSearch test fixture does not implement ${what}`)

/** Default bodies for scripted faults, shaped like OpenSearch's own errors for that status. */
export function faultBody(status: number, statusText: string) {
  const type =
    status === 429 ? "rejected_execution_exception" : status === 503 ? "cluster_manager_not_discovered_exception" : "exception"
  return error(status, type, statusText).toBody()
}
