import type { SearchDocument } from "@medusajs/framework/types"
import { batchesBySize, jsonLineBytes } from "../../lib/batches"

type Converter = (value: unknown) => unknown

/** Applies `convert` to the value at a dotted path, through arrays of objects. */
function mapPath(value: unknown, segments: string[], convert: Converter): unknown {
  if (Array.isArray(value)) return value.map((entry) => mapPath(entry, segments, convert))
  if (!segments.length) return value == null ? value : convert(value)
  if (!value || typeof value !== "object") return value
  const [head, ...rest] = segments
  if (!(head in value)) return value
  return { ...(value as object), [head]: mapPath((value as Record<string, unknown>)[head], rest, convert) }
}

const toEpoch: Converter = (value) => {
  const time = value instanceof Date ? value.getTime() : Date.parse(String(value))
  return Number.isNaN(time) ? value : time
}
const toIso: Converter = (value) => (typeof value === "number" ? new Date(value).toISOString() : value)

/** Meilisearch filters and sorts dates only as numbers: they are stored as epoch milliseconds. */
export function toEngineDocument(document: SearchDocument, dates: string[]): SearchDocument {
  return dates.reduce((doc, path) => mapPath(doc, path.split("."), toEpoch) as SearchDocument, document)
}

/** Vector fields travel as `_vectors.<embedder>` (null: no vector), as Meilisearch's user-provided embedders expect. */
export function withVectors(document: SearchDocument, vectors: { path: string; embedder: string }[]): SearchDocument {
  if (!vectors.length) return document
  const result: SearchDocument = { ...document }
  const _vectors: Record<string, unknown> = {}
  for (const { path, embedder } of vectors) {
    const [head, ...rest] = path.split(".")
    const value = rest.reduce<any>((inner, key) => inner?.[key], result[head])
    _vectors[embedder] = Array.isArray(value) ? value : null
    if (!rest.length) delete result[head]
  }
  return { ...result, _vectors }
}

/** …and handed back as ISO strings, as the catalogue has them. */
export function fromEngineDocument(document: Record<string, unknown>, dates: string[]): Record<string, unknown> {
  return dates.reduce((doc, path) => mapPath(doc, path.split("."), toIso) as Record<string, unknown>, document)
}

/** Splits documents into batches whose JSON array stays under `maxBytes` (a single larger document goes alone). */
export function batchesByBytes<T>(documents: T[], maxBytes: number): T[][] {
  return batchesBySize(documents, maxBytes, jsonLineBytes, 2)
}
