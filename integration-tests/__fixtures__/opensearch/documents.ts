/** Single-document writes (index, create, update, delete), shared by the document APIs and _bulk. */

import crypto from "crypto"
import { Cluster } from "./cluster"
import { parseDocument } from "./document-parser"
import { isPlainObject } from "./objects"
import { documentMissing, illegalArgument, mapperParsing, unsupported, validationFailed, versionConflict } from "./errors"
import { StoredIndex, WriteResult } from "./store"

export interface WriteOutcome {
  index: StoredIndex
  status: number
  body: Record<string, unknown>
}

/** Optimistic concurrency and other per-operation options (from the URL or a bulk action line). */
export interface WriteOptions {
  ifSeqNo?: unknown
  ifPrimaryTerm?: unknown
  version?: unknown
}

const STATUS: Record<WriteResult["result"], number> = { created: 201, updated: 200, deleted: 200, not_found: 404, noop: 200 }

function outcome(index: StoredIndex, { document, result }: WriteResult): WriteOutcome {
  const replicas = index.numberOfReplicas()
  const shards = result === "noop" ? { total: 0, successful: 0, failed: 0 } : { total: 1 + replicas, successful: 1, failed: 0 }
  return {
    index,
    status: STATUS[result],
    body: { _index: index.name, _id: document.id, _version: document.version, result, _shards: shards, _seq_no: document.seqNo, _primary_term: 1 },
  }
}

/** 20 URL-safe characters, like OpenSearch's auto-generated ids. */
export const generateId = () => crypto.randomBytes(15).toString("base64url")

function checkConcurrency(index: StoredIndex, id: string, options: WriteOptions) {
  if (options.version !== undefined) throw unsupported("external versioning (version / version_type)")
  if (options.ifSeqNo === undefined && options.ifPrimaryTerm === undefined) return
  const seqNo = Number(options.ifSeqNo)
  const primaryTerm = Number(options.ifPrimaryTerm)
  if (!Number.isInteger(seqNo) || !Number.isInteger(primaryTerm)) {
    throw illegalArgument("ifSeqNo is set, but primary term is [0]")
  }
  const current = index.documents.get(id)
  const wanted = `required seqNo [${seqNo}], primary term [${primaryTerm}]`
  if (!current) throw versionConflict(index.name, index.uuid, `[${id}]: version conflict, ${wanted} but no document was found`)
  if (current.seqNo !== seqNo || primaryTerm !== 1) {
    throw versionConflict(index.name, index.uuid, `[${id}]: version conflict, ${wanted}. current document has seqNo [${current.seqNo}] and primary term [1]`)
  }
}

function store(index: StoredIndex, id: string, source: unknown): WriteResult {
  index.mappings = parseDocument(index.mappings, source, id)
  return index.put(id, source as Record<string, unknown>)
}

export function indexDocument(cluster: Cluster, indexName: string, id: string | undefined, source: unknown, opType: "index" | "create", options: WriteOptions = {}): WriteOutcome {
  const index = cluster.writeIndex(indexName)
  const documentId = id ?? generateId()
  if (id !== undefined && Buffer.byteLength(id) > 512) throw validationFailed(`id [${id}] is too long, must be no longer than 512 bytes but was: ${Buffer.byteLength(id)}`)
  const existing = index.documents.get(documentId)
  if (opType === "create" && existing) {
    throw versionConflict(index.name, index.uuid, `[${documentId}]: version conflict, document already exists (current version [${existing.version}])`)
  }
  checkConcurrency(index, documentId, options)
  return outcome(index, store(index, documentId, source))
}

/** The update API / bulk update: `{ doc, doc_as_upsert?, upsert?, detect_noop? }`. */
export function updateDocument(cluster: Cluster, indexName: string, id: string, body: unknown, options: WriteOptions = {}): WriteOutcome {
  if (!isPlainObject(body)) throw mapperParsing("failed to parse, document is empty")
  if (body.script !== undefined) throw unsupported("scripted updates")
  if (body.doc === undefined && body.upsert === undefined) throw validationFailed("script or doc is missing")
  const index = cluster.writeIndex(indexName)
  const existing = index.documents.get(id)
  if (!existing) {
    const upsert = body.doc_as_upsert === true ? body.doc : body.upsert
    if (upsert === undefined) throw documentMissing(index.name, index.uuid, id)
    checkConcurrency(index, id, options)
    return outcome(index, store(index, id, upsert))
  }
  checkConcurrency(index, id, options)
  const merged = deepMerge(existing.source, (body.doc ?? {}) as Record<string, unknown>)
  if (body.detect_noop !== false && JSON.stringify(merged) === JSON.stringify(existing.source)) {
    return outcome(index, { document: existing, result: "noop" })
  }
  return outcome(index, store(index, id, merged))
}

export function deleteDocument(cluster: Cluster, indexName: string, id: string, options: WriteOptions = {}): WriteOutcome {
  const index = cluster.writeIndex(indexName, false)
  checkConcurrency(index, id, options)
  return outcome(index, index.remove(id))
}

/** Partial-document merge as the update API does it: objects merge recursively, everything else is replaced. */
function deepMerge(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...target }
  for (const [key, value] of Object.entries(patch)) {
    merged[key] = isPlainObject(value) && isPlainObject(merged[key]) ? deepMerge(merged[key] as Record<string, unknown>, value) : value
  }
  return merged
}
