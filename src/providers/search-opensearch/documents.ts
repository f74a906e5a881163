import type { SearchDeleteDocumentsInput, SearchDocument, SearchTask } from "@medusajs/framework/types"
import { batchesBySize, jsonLineBytes } from "../../lib/batches"

/** One `_bulk` action: its header line and, for index actions, the document line. */
export type BulkAction = [header: object] | [header: object, source: object]

export const indexAction = (index: string, id: string, document: SearchDocument): BulkAction => [{ index: { _index: index, _id: id } }, document]
export const deleteAction = (index: string, id: string): BulkAction => [{ delete: { _index: index, _id: id } }]

/** Splits bulk actions so each request's NDJSON stays under `maxBytes` (a single larger action goes alone). */
export function bulkBatches(actions: BulkAction[], maxBytes: number): BulkAction[][] {
  return batchesBySize(actions, maxBytes, (action) => action.reduce((sum: number, line) => sum + jsonLineBytes(line), 0))
}

type BulkItem = Record<string, { _id?: string; status?: number; error?: { type?: string; reason?: string } }>

/** The items of `_bulk` responses that failed (a delete of a missing document is not a failure). */
export function bulkFailures(items: BulkItem[]): { id?: string; type: string; reason: string }[] {
  return items.flatMap((item) => {
    const result = Object.values(item)[0]
    return result?.error ? [{ id: result._id, type: result.error.type ?? "unknown", reason: result.error.reason ?? "" }] : []
  })
}

/**
 * A bulk write with failed items as a `failed` task: the contract's way to report a write that did not
 * (wholly) go through — the Search Module raises it with the message. The items that succeeded stay indexed.
 */
export function failedBulkTask(index: string, failures: ReturnType<typeof bulkFailures>, total: number): SearchTask {
  const [first] = failures
  return {
    index,
    status: "failed",
    error: {
      message: `${failures.length} of ${total} OpenSearch bulk items failed; first [${first.id}]: ${first.type}: ${first.reason}`,
      code: first.type,
    },
  }
}

/** The ids of a filter that selects documents by primary key alone (`{ id: [...] }`, `{ id: "x" }`, `{ id: { $in } }`). */
export function idsOnly(filters: SearchDeleteDocumentsInput["filters"], primaryKey = "id"): string[] | undefined {
  const keys = Object.keys(filters).filter((key) => filters[key] !== undefined)
  if (keys.length !== 1 || keys[0] !== primaryKey) return undefined
  const value = filters[primaryKey] as unknown
  if (typeof value === "string" || typeof value === "number") return [String(value)]
  if (Array.isArray(value)) return value.map(String)
  const $in = (value as { $in?: unknown[] })?.$in
  return Array.isArray($in) && Object.keys(value as object).length === 1 ? $in.map(String) : undefined
}
