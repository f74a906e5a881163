import { MeiliError } from "./errors"

/** Reading documents the way Meilisearch flattens them: dotted paths, arrays traversed, ids validated. */

export type Doc = Record<string, unknown>
export type Leaf = string | number | boolean

/** Raw values at a dotted path. Arrays are traversed at every level; a key may itself contain dots (`{"a.b": 1}`). */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const found: unknown[] = []
  collect(doc, path.split("."), found)
  return found
}

function collect(value: unknown, segments: string[], found: unknown[]) {
  if (segments.length === 0) {
    found.push(value)
  } else if (Array.isArray(value)) {
    for (const element of value) collect(element, segments, found)
  } else if (value !== null && typeof value === "object") {
    for (let take = 1; take <= segments.length; take++) {
      const key = segments.slice(0, take).join(".")
      if (Object.prototype.hasOwnProperty.call(value, key)) collect((value as Doc)[key], segments.slice(take), found)
    }
  }
}

/** Primitive values at a path: arrays flattened, nulls and objects left out. */
export function leavesAt(doc: unknown, path: string): Leaf[] {
  const leaves: Leaf[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") leaves.push(value)
  }
  valuesAt(doc, path).forEach(walk)
  return leaves
}

/** Every path in the document, parents before children, in key order (`variants`, `variants.sku`...). */
export function fieldPaths(doc: unknown, prefix = "", paths: string[] = []): string[] {
  const objects = Array.isArray(doc) ? doc : [doc]
  for (const value of objects) {
    if (Array.isArray(value)) {
      fieldPaths(value, prefix, paths)
      continue
    }
    if (value === null || typeof value !== "object") continue
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (!paths.includes(path)) paths.push(path)
      fieldPaths(child, path, paths)
    }
  }
  return paths
}

/** Is `path` equal to `attribute`, nested under it (`variants.sku` under `variants`), or matched by a `*` pattern? */
export function attributeCovers(attribute: string, path: string): boolean {
  if (attribute === "*" || attribute === path || path.startsWith(`${attribute}.`)) return true
  if (!attribute.includes("*")) return false
  const pattern = new RegExp(`^${attribute.split("*").map(escapeRegExp).join(".*")}(\\..*)?$`)
  return pattern.test(path)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

const DOCUMENT_ID = /^[a-zA-Z0-9_-]{1,511}$/

/** The document's id as Meilisearch stores it (a string), or the task error explaining why it has none. */
export function documentId(doc: Doc, primaryKey: string): string {
  const ids = valuesAt(doc, primaryKey)
  if (ids.length === 0 || ids[0] === undefined) {
    throw new MeiliError(
      400,
      "missing_document_id",
      `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(doc)}\`.`
    )
  }
  const id = ids[0]
  if ((typeof id === "number" && Number.isSafeInteger(id) && id >= 0) || (typeof id === "string" && DOCUMENT_ID.test(id))) {
    return String(id)
  }
  throw new MeiliError(
    400,
    "invalid_document_id",
    `Document identifier \`${JSON.stringify(id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`
  )
}

/** Meilisearch's primary key inference: the one top-level field whose name ends with `id`. */
export function inferPrimaryKey(doc: Doc): string {
  const candidates = Object.keys(doc)
    .filter((key) => key.toLowerCase().endsWith("id"))
    .sort()
  if (candidates.length === 1) return candidates[0]
  const manually = "Please specify the primary key manually using the `primaryKey` query parameter."
  if (candidates.length === 0) {
    throw new MeiliError(
      400,
      "index_primary_key_no_candidate_found",
      `The primary key inference failed as the engine did not find any field ending with \`id\` in its name. ${manually}`
    )
  }
  throw new MeiliError(
    400,
    "index_primary_key_multiple_candidates_found",
    `The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: '${candidates[0]}' and '${candidates[1]}'. ${manually}`
  )
}

/** Keeps only the requested fields (`*`, `title`, `variants.sku`...), as `attributesToRetrieve` and `fields` do. */
export function pickFields(doc: Doc, fields: string[]): Doc {
  if (fields.includes("*")) return structuredClone(doc)
  const picked: Doc = {}
  for (const [key, value] of Object.entries(doc)) {
    if (fields.includes(key)) {
      picked[key] = structuredClone(value)
      continue
    }
    const nested = fields.filter((field) => field.startsWith(`${key}.`)).map((field) => field.slice(key.length + 1))
    if (nested.length === 0) continue
    const narrowed = narrow(value, nested)
    if (narrowed !== undefined) picked[key] = narrowed
  }
  return picked
}

function narrow(value: unknown, fields: string[]): unknown {
  if (Array.isArray(value)) {
    return value.map((element) => narrow(element, fields)).filter((element) => element !== undefined)
  }
  if (value === null || typeof value !== "object") return undefined
  const picked = pickFields(value as Doc, fields)
  return Object.keys(picked).length ? picked : undefined
}
