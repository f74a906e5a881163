/** _bulk: NDJSON action/source pairs, executed in order, each answering for itself. */

import { Cluster } from "./cluster"
import { isPlainObject } from "./objects"
import { deleteDocument, generateId, indexDocument, updateDocument, WriteOutcome, WriteOptions } from "./documents"
import { illegalArgument, mapperParsing, OpenSearchError, validationFailed } from "./errors"
import { StoredIndex } from "./store"

const ACTIONS = ["create", "delete", "index", "update"] as const
type Action = (typeof ACTIONS)[number]

interface BulkItem {
  action: Action
  index: string
  id?: string
  options: WriteOptions
  /** The raw source line, parsed per item so a malformed document fails only its own item. */
  source?: string
}

/** Parses the whole request first, as OpenSearch does: a structural problem fails the request before anything runs. */
export function parseBulk(raw: string, defaultIndex: string | undefined): BulkItem[] {
  if (raw.length && !raw.endsWith("\n")) throw illegalArgument("The bulk request must be terminated by a newline [\\n]")
  const lines = raw.split("\n").slice(0, -1)
  const items: BulkItem[] = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue
    const lineNumber = i + 1
    let header: unknown
    try {
      header = JSON.parse(lines[i])
    } catch {
      throw illegalArgument(`Malformed action/metadata line [${lineNumber}], expected START_OBJECT or END_OBJECT but found [VALUE_STRING]`)
    }
    if (!isPlainObject(header)) throw illegalArgument(`Malformed action/metadata line [${lineNumber}], expected START_OBJECT but found [${Array.isArray(header) ? "START_ARRAY" : "VALUE_STRING"}]`)
    const [action, metadata] = Object.entries(header)[0] ?? []
    if (!ACTIONS.includes(action as Action)) {
      throw illegalArgument(`Malformed action/metadata line [${lineNumber}], expected field [create], [delete], [index] or [update] but found [${action}]`)
    }
    const meta = (isPlainObject(metadata) ? metadata : {}) as Record<string, unknown>
    const index = (meta._index as string | undefined) ?? defaultIndex
    if (!index) throw validationFailed("index is missing")
    const item: BulkItem = {
      action: action as Action,
      index,
      id: meta._id === undefined || meta._id === null ? undefined : String(meta._id),
      options: { ifSeqNo: meta.if_seq_no, ifPrimaryTerm: meta.if_primary_term, version: meta.version },
    }
    if (item.action === "delete" && item.id === undefined) throw validationFailed("id is missing")
    if (item.action === "update" && item.id === undefined) throw validationFailed("id is missing")
    if (item.action !== "delete") {
      if (i + 1 >= lines.length) throw validationFailed("source is missing")
      item.source = lines[++i]
    }
    items.push(item)
  }
  if (!items.length) throw validationFailed("no requests added")
  return items
}

function parseSource(source: string): unknown {
  try {
    return JSON.parse(source)
  } catch (error) {
    throw mapperParsing("failed to parse", { type: "json_parse_exception", reason: (error as Error).message })
  }
}

function execute(cluster: Cluster, item: BulkItem): WriteOutcome {
  if (item.action === "delete") return deleteDocument(cluster, item.index, item.id!, item.options)
  const source = parseSource(item.source!)
  if (item.action === "update") return updateDocument(cluster, item.index, item.id!, source, item.options)
  return indexDocument(cluster, item.index, item.id, source, item.action, item.options)
}

export interface BulkResult {
  body: { took: number; errors: boolean; items: Array<Record<string, unknown>> }
  /** Indices the request wrote to, for ?refresh handling. */
  touched: Set<StoredIndex>
}

export function runBulk(cluster: Cluster, items: BulkItem[]): BulkResult {
  const started = Date.now()
  const touched = new Set<StoredIndex>()
  const results = items.map((item) => {
    // An auto-generated id is fixed before execution so even a failed item reports it.
    const id = item.id ?? (item.action === "delete" || item.action === "update" ? undefined : generateId())
    try {
      const outcome = execute(cluster, { ...item, id })
      touched.add(outcome.index)
      return { [item.action]: { ...outcome.body, status: outcome.status } }
    } catch (failure) {
      if (!(failure instanceof OpenSearchError)) throw failure
      return { [item.action]: { _index: item.index, _id: id ?? null, status: failure.status, error: failure.cause } }
    }
  })
  const errors = results.some((result) => "error" in Object.values(result)[0])
  return { body: { took: Date.now() - started, errors, items: results }, touched }
}
