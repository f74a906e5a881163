/** One index's state: mappings, settings, documents, and the near-real-time refresh model. */

import crypto from "crypto"
import { isPlainObject } from "./objects"
import { FieldMapping, Mappings, typeOf } from "./mapping"
import { valuesAtPath } from "./values"

export interface StoredDocument {
  id: string
  source: Record<string, unknown>
  version: number
  seqNo: number
  /** Indexing order, the tie-breaker OpenSearch applies after the requested sort (`_doc` order). */
  order: number
}

export type Settings = Record<string, string | string[]>

export interface WriteResult {
  document: StoredDocument
  result: "created" | "updated" | "deleted" | "not_found" | "noop"
}

let nextOrder = 0

export class StoredIndex {
  readonly uuid = crypto.randomBytes(16).toString("base64url").slice(0, 22)
  readonly createdAt = Date.now()
  /** The realtime view: what GET /_doc sees. */
  readonly documents = new Map<string, StoredDocument>()
  private visible = new Map<string, StoredDocument>()
  aliases = new Map<string, Record<string, unknown>>()
  refreshCount = 0
  /** Versions outlive deletes, like OpenSearch's tombstones: re-creating a deleted id continues its version. */
  private readonly versions = new Map<string, number>()
  private seqNo = -1
  private changedSince: number | null = null
  private refreshWaiters: Array<() => void> = []
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(readonly name: string, public mappings: Mappings, public settings: Settings) {}

  /** What search, _count and _cat/indices see: the documents as of the last refresh (scheduled ones included). */
  get searchable(): ReadonlyMap<string, StoredDocument> {
    this.applyScheduledRefresh()
    return this.visible
  }

  put(id: string, source: Record<string, unknown>): WriteResult {
    const existed = this.documents.has(id)
    const document: StoredDocument = {
      id,
      source: structuredClone(source),
      version: (this.versions.get(id) ?? 0) + 1,
      seqNo: ++this.seqNo,
      order: nextOrder++,
    }
    this.versions.set(id, document.version)
    this.documents.set(id, document)
    this.markChanged()
    return { document, result: existed ? "updated" : "created" }
  }

  remove(id: string): WriteResult {
    const existing = this.documents.get(id)
    const version = (this.versions.get(id) ?? 0) + 1
    this.versions.set(id, version)
    const tombstone: StoredDocument = { id, source: {}, version, seqNo: ++this.seqNo, order: nextOrder++ }
    if (!existing) return { document: tombstone, result: "not_found" }
    this.documents.delete(id)
    this.markChanged()
    return { document: tombstone, result: "deleted" }
  }

  /** Makes every change so far visible to search (POST /_refresh, ?refresh=true, or the scheduled refresh). */
  refresh() {
    this.visible = new Map(this.documents)
    this.changedSince = null
    this.refreshCount++
    const waiters = this.refreshWaiters
    this.refreshWaiters = []
    for (const wake of waiters) wake()
  }

  /** Runs the periodic refresh (index.refresh_interval, default 1s) if one would have happened by now. */
  applyScheduledRefresh(now = Date.now()) {
    const interval = this.refreshIntervalMs()
    if (this.changedSince !== null && interval > 0 && now - this.changedSince >= interval) this.refresh()
  }

  /** `?refresh=wait_for`: resolves at the next refresh; never, with refresh_interval -1, until someone refreshes. */
  waitForRefresh(): Promise<void> {
    if (this.changedSince === null) return Promise.resolve()
    const promise = new Promise<void>((resolve) => this.refreshWaiters.push(resolve))
    const interval = this.refreshIntervalMs()
    if (interval > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        this.applyScheduledRefresh()
      }, Math.max(0, this.changedSince + interval - Date.now()))
      this.timers.add(timer)
    }
    return promise
  }

  refreshIntervalMs(): number {
    return parseTimeValue(this.settings["index.refresh_interval"] ?? "1s")
  }

  numberOfReplicas = () => Number(this.settings["index.number_of_replicas"] ?? 1)

  /** Lucene's document count: searchable documents plus their hidden nested documents (what _cat/indices reports). */
  luceneDocCount(): number {
    let count = 0
    for (const document of this.searchable.values()) count += 1 + countNestedObjects(document.source, this.mappings.properties ?? {})
    return count
  }

  /** Stops pending refresh timers and releases waiters (the index was deleted or the fixture is closing). */
  dispose() {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.refresh()
  }

  private markChanged() {
    this.changedSince ??= Date.now()
  }
}

function countNestedObjects(source: unknown, properties: Record<string, FieldMapping>): number {
  let count = 0
  for (const [name, mapping] of Object.entries(properties)) {
    if (!mapping.properties) continue
    for (const child of valuesAtPath(source, [name]).filter(isPlainObject)) {
      count += (typeOf(mapping) === "nested" ? 1 : 0) + countNestedObjects(child, mapping.properties)
    }
  }
  return count
}

/** OpenSearch time values: "-1", "500ms", "1s", "2m", "1h", "1d". */
export function parseTimeValue(value: string | string[]): number {
  const text = String(value).trim()
  if (text === "-1") return -1
  const match = /^(\d+(?:\.\d+)?)(nanos|micros|ms|s|m|h|d)$/.exec(text)
  if (!match) return Number(text) || 0
  const unit = { nanos: 1e-6, micros: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[match[2]]!
  return Number(match[1]) * unit
}

/** Flattens any accepted settings form (`{ index: { x } }`, `{ x }`, `{ "index.x" }`) to `index.`-prefixed keys. */
export function flattenSettings(input: unknown, prefix = ""): Settings {
  const flat: Settings = {}
  if (!isPlainObject(input)) return flat
  for (const [key, value] of Object.entries(input)) {
    const path = prefix + key
    if (isPlainObject(value)) Object.assign(flat, flattenSettings(value, `${path}.`))
    else if (value !== null && value !== undefined) {
      flat[path.startsWith("index.") ? path : `index.${path}`] = Array.isArray(value) ? value.map(String) : String(value)
    }
  }
  return flat
}

/** The nested form OpenSearch answers settings with: `{ index: { number_of_shards: "1", ... } }`. */
export function nestSettings(flat: Settings): Record<string, unknown> {
  const nested: Record<string, any> = {}
  for (const [key, value] of Object.entries(flat)) {
    const segments = key.split(".")
    let node = nested
    for (const segment of segments.slice(0, -1)) node = node[segment] ??= {}
    node[segments[segments.length - 1]] = value
  }
  return nested
}
