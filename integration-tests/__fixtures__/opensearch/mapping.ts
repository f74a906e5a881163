/** Index mappings: what they may contain, how they merge, and how a field name resolves against them. */

import { illegalArgument, mapperParsing } from "./errors"
import { checkKnnMapping } from "./knn"

export type Dynamic = boolean | "true" | "false" | "strict" | "runtime"

export interface FieldMapping {
  type?: string
  properties?: Record<string, FieldMapping>
  fields?: Record<string, FieldMapping>
  dynamic?: Dynamic
  ignore_above?: number
  normalizer?: string
  scaling_factor?: number
  [parameter: string]: unknown
}

export interface Mappings {
  dynamic?: Dynamic
  date_detection?: boolean
  properties?: Record<string, FieldMapping>
  [parameter: string]: unknown
}

export const TEXT_TYPES = new Set(["text", "match_only_text", "search_as_you_type"])
export const KEYWORD_TYPES = new Set(["keyword", "constant_keyword", "wildcard"])
export const INTEGER_TYPES = new Set(["long", "integer", "short", "byte", "unsigned_long"])
export const NUMERIC_TYPES = new Set([...INTEGER_TYPES, "double", "float", "half_float", "scaled_float"])
export const DATE_TYPES = new Set(["date", "date_nanos"])
/** Real OpenSearch types the fixture keeps in `_source` but cannot query or aggregate on. */
const STORED_ONLY_TYPES = new Set([
  "binary", "ip", "geo_point", "geo_shape", "completion", "token_count", "rank_feature", "rank_features",
  "flat_object", "join", "percolator", "integer_range", "long_range", "float_range",
  "double_range", "date_range", "ip_range", "alias",
])
const OBJECT_TYPES = new Set(["object", "nested"])
/** Searched by the `knn` query (knn.ts). */
export const VECTOR_TYPE = "knn_vector"

const isKnownType = (type: string) =>
  TEXT_TYPES.has(type) || KEYWORD_TYPES.has(type) || NUMERIC_TYPES.has(type) || DATE_TYPES.has(type) ||
  type === "boolean" || type === VECTOR_TYPE || STORED_ONLY_TYPES.has(type) || OBJECT_TYPES.has(type)

/** A mapping without an explicit type is an object. */
export const typeOf = (mapping: FieldMapping): string => mapping.type ?? "object"

export const isObjectType = (mapping: FieldMapping) => OBJECT_TYPES.has(typeOf(mapping))

/** Validates a mappings body and expands dotted property names (`"a.b": {...}`) into objects, as OpenSearch does. */
export function normalizeMappings(input: unknown): Mappings {
  if (input === undefined || input === null) return { properties: {} }
  if (typeof input !== "object" || Array.isArray(input)) throw mapperParsing("Failed to parse mapping [_doc]: mapping must be an object")
  const { properties, ...rest } = structuredClone(input) as Mappings
  return { ...rest, properties: normalizeProperties(properties ?? {}, "") }
}

function normalizeProperties(properties: Record<string, FieldMapping>, prefix: string): Record<string, FieldMapping> {
  const normalized: Record<string, FieldMapping> = {}
  for (const [name, mapping] of Object.entries(properties)) {
    const [head, ...tail] = name.split(".")
    const expanded: FieldMapping = tail.length ? { properties: { [tail.join(".")]: mapping } } : mapping
    const path = prefix + head
    const field = normalizeField(expanded, path)
    normalized[head] = normalized[head] ? mergeField(normalized[head], field, path) : field
  }
  return normalized
}

function normalizeField(mapping: FieldMapping, path: string): FieldMapping {
  if (typeof mapping !== "object" || mapping === null) throw mapperParsing(`Failed to parse mapping [_doc]: Expected map for property [fields] on field [${path}]`)
  const type = typeOf(mapping)
  if (!isKnownType(type)) {
    throw mapperParsing(`Failed to parse mapping [_doc]: No handler for type [${type}] declared on field [${path}]`, {
      type: "mapper_parsing_exception",
      reason: `No handler for type [${type}] declared on field [${path}]`,
    })
  }
  if (type === VECTOR_TYPE) checkKnnMapping(mapping, path)
  const normalized: FieldMapping = { ...mapping }
  if (mapping.properties) normalized.properties = normalizeProperties(mapping.properties, `${path}.`)
  if (mapping.fields) {
    normalized.fields = Object.fromEntries(
      Object.entries(mapping.fields).map(([name, sub]) => [name, normalizeField(sub, `${path}.${name}`)])
    )
  }
  return normalized
}

/** Adds `update`'s fields to `existing` (PUT _mapping); changing an existing field's type is refused. */
export function mergeMappings(existing: Mappings, update: Mappings): Mappings {
  const { properties, ...rest } = update
  return { ...existing, ...rest, properties: mergeProperties(existing.properties ?? {}, properties ?? {}, "") }
}

function mergeProperties(existing: Record<string, FieldMapping>, update: Record<string, FieldMapping>, prefix: string) {
  const merged = { ...existing }
  for (const [name, field] of Object.entries(update)) {
    merged[name] = merged[name] ? mergeField(merged[name], field, prefix + name) : field
  }
  return merged
}

function mergeField(existing: FieldMapping, update: FieldMapping, path: string): FieldMapping {
  const [from, to] = [typeOf(existing), typeOf(update)]
  if (from !== to) throw illegalArgument(`mapper [${path}] cannot be changed from type [${from}] to [${to}]`)
  const merged: FieldMapping = { ...existing, ...update }
  if (existing.properties || update.properties) {
    merged.properties = mergeProperties(existing.properties ?? {}, update.properties ?? {}, `${path}.`)
  }
  if (existing.fields || update.fields) merged.fields = mergeProperties(existing.fields ?? {}, update.fields ?? {}, `${path}.`)
  return merged
}

export interface ResolvedField {
  /** The name as queried, e.g. `title.keyword`. */
  path: string
  /** Where the value lives in `_source`: a multi-field reads its parent's value, e.g. `title`. */
  sourcePath: string
  mapping: FieldMapping
  type: string
  /** Path of the innermost `nested` object holding the field, or null at the top level. */
  nestedPath: string | null
}

/** Looks a field name up in the mappings, following object properties, nested objects and multi-fields. */
export function resolveField(mappings: Mappings, path: string): ResolvedField | undefined {
  const segments = path.split(".")
  let properties = mappings.properties ?? {}
  let nestedPath: string | null = null
  let sourcePath: string[] = []
  for (let i = 0; i < segments.length; i++) {
    const mapping = properties[segments[i]]
    if (!mapping) return undefined
    sourcePath.push(segments[i])
    if (i === segments.length - 1) return { path, sourcePath: sourcePath.join("."), mapping, type: typeOf(mapping), nestedPath }
    if (typeOf(mapping) === "nested") nestedPath = sourcePath.join(".")
    if (mapping.properties) {
      properties = mapping.properties
      continue
    }
    // A multi-field (`title.keyword`, `title._2gram`) reads the parent's value with its own type.
    const rest = segments.slice(i + 1).join(".")
    const subfield = mapping.fields?.[rest] ?? searchAsYouTypeSubfield(mapping, rest)
    if (!subfield) return undefined
    return { path, sourcePath: sourcePath.join("."), mapping: subfield, type: typeOf(subfield), nestedPath }
  }
  return undefined
}

/** search_as_you_type's generated subfields; the fixture analyses them like their root field. */
function searchAsYouTypeSubfield(mapping: FieldMapping, name: string): FieldMapping | undefined {
  if (mapping.type !== "search_as_you_type") return undefined
  return ["_2gram", "_3gram", "_index_prefix"].includes(name) ? { type: "search_as_you_type" } : undefined
}

/** Every queryable leaf field (including multi-fields), for expanding `fields: ["*"]` or `"name*"`. */
export function leafFieldPaths(mappings: Mappings): string[] {
  const paths: string[] = []
  const walk = (properties: Record<string, FieldMapping>, prefix: string) => {
    for (const [name, mapping] of Object.entries(properties)) {
      const path = prefix + name
      if (mapping.properties) walk(mapping.properties, `${path}.`)
      else if (!isObjectType(mapping)) paths.push(path, ...Object.keys(mapping.fields ?? {}).map((sub) => `${path}.${sub}`))
    }
  }
  walk(mappings.properties ?? {}, "")
  return paths
}
