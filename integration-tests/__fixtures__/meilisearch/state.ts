import { Doc, documentId, fieldPaths, inferPrimaryKey } from "./documents"
import { indexNotFound, MeiliError } from "./errors"
import { checkFilter, matchesFilter, parseFilter } from "./filter"
import { FilterError, FilterNode } from "./filter-ast"
import { checkDocumentVectors } from "./vectors"
import { applySettings, defaultSettings, Settings } from "./settings"

/** The indexes and the effects of the write tasks on them; each effect returns its task details or throws. */

export interface FixtureIndex {
  uid: string
  primaryKey: string | null
  createdAt: string
  updatedAt: string
  /** Keyed by the document id as a string, in insertion order. */
  documents: Map<string, Doc>
  settings: Settings
}

export const DEFAULT_EXPERIMENTAL_FEATURES = {
  metrics: false,
  logsRoute: false,
  editDocumentsByFunction: false,
  containsFilter: false,
  network: false,
  getTaskDocumentsRoute: false,
  compositeEmbedders: false,
  chatCompletions: false,
  multimodal: false,
}

export class MeiliState {
  readonly indexes = new Map<string, FixtureIndex>()
  experimentalFeatures: Record<string, boolean> = { ...DEFAULT_EXPERIMENTAL_FEATURES }

  reset() {
    this.indexes.clear()
    this.experimentalFeatures = { ...DEFAULT_EXPERIMENTAL_FEATURES }
  }

  index(uid: string): FixtureIndex {
    const index = this.indexes.get(uid)
    if (!index) throw indexNotFound(uid)
    return index
  }

  createIndex(uid: string, primaryKey: string | null) {
    if (this.indexes.has(uid)) throw new MeiliError(409, "index_already_exists", `Index \`${uid}\` already exists.`)
    this.indexes.set(uid, this.newIndex(uid, primaryKey))
    return { primaryKey }
  }

  updateIndex(uid: string, primaryKey: string | null) {
    const index = this.index(uid)
    if (primaryKey !== null && primaryKey !== index.primaryKey) {
      if (index.documents.size > 0 && index.primaryKey) throw primaryKeyAlreadyExists(index)
      index.primaryKey = primaryKey
    }
    this.touch(index)
    return { primaryKey }
  }

  deleteIndex(uid: string) {
    const index = this.index(uid)
    this.indexes.delete(uid)
    return { deletedDocuments: index.documents.size }
  }

  /** `POST` replaces whole documents, `PUT` merges their top-level fields; adding to a missing index creates it. */
  addDocuments(uid: string, docs: Doc[], primaryKeyParam: string | null, mode: "replace" | "update") {
    const existing = this.indexes.get(uid)
    if (existing?.primaryKey && primaryKeyParam && primaryKeyParam !== existing.primaryKey) throw primaryKeyAlreadyExists(existing)
    const primaryKey = existing?.primaryKey ?? primaryKeyParam ?? (docs.length ? inferPrimaryKey(docs[0]) : null)
    // Validate every id before touching the index: a failed task changes nothing.
    const identified = primaryKey ? docs.map((doc) => [documentId(doc, primaryKey), doc] as const) : []
    const index = existing ?? this.newIndex(uid, primaryKey)
    for (const [id, doc] of identified) checkDocumentVectors(doc, id, index.settings)
    this.indexes.set(uid, index)
    index.primaryKey = primaryKey
    for (const [id, doc] of identified) {
      const previous = mode === "update" ? index.documents.get(id) : undefined
      index.documents.set(id, structuredClone(previous ? { ...previous, ...doc } : doc))
    }
    this.touch(index)
    return { receivedDocuments: docs.length, indexedDocuments: docs.length }
  }

  deleteDocuments(uid: string, ids: unknown[]) {
    const index = this.index(uid)
    const deleted = ids.filter((id) => index.documents.delete(String(id))).length
    this.touch(index)
    return { providedIds: ids.length, deletedDocuments: deleted, originalFilter: null }
  }

  deleteDocumentsByFilter(uid: string, filter: unknown) {
    const index = this.index(uid)
    const node = this.compileFilter(index, filter, "invalid_document_filter")
    let deleted = 0
    for (const [id, doc] of index.documents) {
      if (node && matchesFilter(doc, node)) deleted += Number(index.documents.delete(id))
    }
    this.touch(index)
    return { deletedDocuments: deleted }
  }

  clearDocuments(uid: string) {
    const index = this.index(uid)
    const deletedDocuments = index.documents.size
    index.documents.clear()
    this.touch(index)
    return { deletedDocuments }
  }

  /** Settings updates create a missing index, as in Meilisearch. */
  updateSettings(uid: string, patch: Record<string, unknown>) {
    const index = this.indexes.get(uid) ?? this.newIndex(uid, null)
    this.indexes.set(uid, index)
    index.settings = applySettings(index.settings, patch)
    this.touch(index)
  }

  /** Parses and checks a filter against the index's filterable attributes; errors get `code`. */
  compileFilter(index: FixtureIndex, filter: unknown, code: string): FilterNode | null {
    try {
      const node = parseFilter(filter)
      if (node) {
        checkFilter(node, {
          indexUid: index.uid,
          filterableAttributes: index.settings.filterableAttributes,
          displayedAttributes: index.settings.displayedAttributes,
          containsFilterEnabled: this.experimentalFeatures.containsFilter,
        })
      }
      return node
    } catch (error) {
      if (error instanceof FilterError) throw new MeiliError(400, error.code ?? code, error.message)
      throw error
    }
  }

  /** Every field path of the index, in order of first appearance: the attribute order of `searchableAttributes: ["*"]`. */
  fieldOrder(index: FixtureIndex): string[] {
    const order: string[] = []
    for (const doc of index.documents.values()) fieldPaths(doc, "", order)
    return order
  }

  stats(index: FixtureIndex, isIndexing: boolean) {
    const fieldDistribution: Record<string, number> = {}
    for (const doc of index.documents.values()) {
      for (const field of Object.keys(doc)) fieldDistribution[field] = (fieldDistribution[field] ?? 0) + 1
    }
    const rawDocumentDbSize = [...index.documents.values()].reduce((size, doc) => size + JSON.stringify(doc).length, 0)
    return {
      numberOfDocuments: index.documents.size,
      rawDocumentDbSize,
      avgDocumentSize: index.documents.size ? Math.round(rawDocumentDbSize / index.documents.size) : 0,
      isIndexing,
      numberOfEmbeddings: 0,
      numberOfEmbeddedDocuments: 0,
      fieldDistribution: Object.fromEntries(Object.entries(fieldDistribution).sort(([a], [b]) => (a < b ? -1 : 1))),
    }
  }

  private newIndex(uid: string, primaryKey: string | null): FixtureIndex {
    const now = new Date().toISOString()
    return { uid, primaryKey, createdAt: now, updatedAt: now, documents: new Map(), settings: defaultSettings() }
  }

  private touch(index: FixtureIndex) {
    index.updatedAt = new Date().toISOString()
  }
}

const primaryKeyAlreadyExists = (index: FixtureIndex) =>
  new MeiliError(400, "index_primary_key_already_exists", `Index \`${index.uid}\`: Index already has a primary key: \`${index.primaryKey}\`.`)

/** The public view of an index (`GET /indexes/:uid`). */
export const indexView = ({ uid, primaryKey, createdAt, updatedAt }: FixtureIndex) => ({ uid, primaryKey, createdAt, updatedAt })
