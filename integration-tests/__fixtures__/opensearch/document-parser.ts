/** Indexing-time checks of a document against its mappings, and dynamic mapping of new fields. */

import { ErrorCause, mapperParsing, strictDynamicMapping } from "./errors"
import { knnValueProblem } from "./knn"
import { DATE_TYPES, Dynamic, FieldMapping, INTEGER_TYPES, Mappings, NUMERIC_TYPES, typeOf, VECTOR_TYPE } from "./mapping"
import { isPlainObject } from "./objects"
import { parseDate } from "./values"

type DynamicMode = "true" | "false" | "strict"

const dynamicMode = (setting: Dynamic | undefined, inherited: DynamicMode): DynamicMode =>
  setting === undefined ? inherited : setting === true || setting === "true" || setting === "runtime" ? "true" : setting === false || setting === "false" ? "false" : "strict"

/**
 * Checks `source` against `mappings` the way the indexing path does and returns the mappings to keep: a copy with
 * dynamically mapped fields added, or the same object when nothing new was mapped. Throws the item's error.
 */
export function parseDocument(mappings: Mappings, source: unknown, id: string): Mappings {
  if (!isPlainObject(source)) throw mapperParsing("failed to parse, document is empty")
  const updated = structuredClone(mappings)
  updated.properties ??= {}
  const parser = new DocumentParser(id, updated.date_detection !== false)
  parser.parseObject(source, updated.properties, dynamicMode(updated.dynamic, "true"), "", "_doc")
  return parser.mappedNewFields ? updated : mappings
}

class DocumentParser {
  mappedNewFields = false

  constructor(private readonly id: string, private readonly dateDetection: boolean) {}

  parseObject(object: Record<string, unknown>, properties: Record<string, FieldMapping>, dynamic: DynamicMode, prefix: string, parentName: string) {
    for (const [key, value] of Object.entries(object)) {
      if (key.trim() === "") throw mapperParsing("failed to parse", { type: "illegal_argument_exception", reason: "field name cannot be an empty string" })
      // `"a.b": 1` is indexed as `{ "a": { "b": 1 } }`.
      const [name, ...rest] = key.split(".")
      const fieldValue = rest.length ? { [rest.join(".")]: value } : value
      this.parseField(name, fieldValue, properties, dynamic, prefix + name, parentName)
    }
  }

  private parseField(name: string, value: unknown, properties: Record<string, FieldMapping>, dynamic: DynamicMode, path: string, parentName: string) {
    if (value === null || value === undefined) return
    const vectorMapping = properties[name]
    if (vectorMapping && typeOf(vectorMapping) === VECTOR_TYPE) {
      const problem = knnValueProblem(value, vectorMapping)
      if (problem) {
        throw mapperParsing(`failed to parse field [${path}] of type [${VECTOR_TYPE}] in document with id '${this.id}'. Preview of field's value: '${javaPreview(value)}'`, {
          type: "illegal_argument_exception",
          reason: problem,
        })
      }
      return
    }
    if (Array.isArray(value)) {
      for (const item of value) this.parseField(name, item, properties, dynamic, path, parentName)
      return
    }
    let mapping = properties[name]
    if (!mapping) {
      if (dynamic === "strict") throw strictDynamicMapping(name, parentName)
      if (dynamic === "false") return
      mapping = properties[name] = this.dynamicMapping(value)
      this.mappedNewFields = true
    }
    const type = typeOf(mapping)
    if (type === "object" || type === "nested") {
      if (!isPlainObject(value)) {
        throw mapperParsing(`object mapping for [${path}] tried to parse field [${name}] as object, but found a concrete value`)
      }
      this.parseObject(value, (mapping.properties ??= {}), dynamicMode(mapping.dynamic, dynamic), `${path}.`, name)
      return
    }
    const problem = leafProblem(type, value, mapping)
    if (problem) {
      throw mapperParsing(
        `failed to parse field [${path}] of type [${type}] in document with id '${this.id}'. Preview of field's value: '${javaPreview(value)}'`,
        problem
      )
    }
  }

  /** OpenSearch's default dynamic mapping rules for a new field's first value. */
  private dynamicMapping(value: unknown): FieldMapping {
    if (typeof value === "boolean") return { type: "boolean" }
    if (typeof value === "number") return { type: Number.isInteger(value) ? "long" : "float" }
    if (isPlainObject(value)) return { properties: {} }
    if (this.dateDetection && STRICT_DATE_OPTIONAL_TIME.test(String(value))) return { type: "date" }
    return { type: "text", fields: { keyword: { type: "keyword", ignore_above: 256 } } }
  }
}

const STRICT_DATE_OPTIONAL_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/

/** Why a value cannot be indexed into a leaf field of `type` (the error's `caused_by`), or undefined if it can. */
function leafProblem(type: string, value: unknown, mapping: FieldMapping): ErrorCause | undefined {
  if (isPlainObject(value)) {
    return { type: "illegal_state_exception", reason: `Can't get text on a START_OBJECT` }
  }
  if (NUMERIC_TYPES.has(type)) return numberProblem(type, value)
  if (type === "boolean") {
    if (value === true || value === false || value === "true" || value === "false" || value === "") return undefined
    return { type: "illegal_argument_exception", reason: `Failed to parse value [${value}] as only [true] or [false] are allowed.` }
  }
  if (DATE_TYPES.has(type)) {
    if (typeof value !== "boolean" && parseDate(value) !== undefined) return undefined
    const format = (mapping.format as string | undefined) ?? "strict_date_optional_time||epoch_millis"
    return { type: "illegal_argument_exception", reason: `failed to parse date field [${value}] with format [${format}]` }
  }
  return undefined
}

function numberProblem(type: string, value: unknown): ErrorCause | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { type: "illegal_argument_exception", reason: `[${type}] supports only finite values, but got [${value}]` }
  if (typeof value === "boolean") {
    return { type: "illegal_argument_exception", reason: `Current token (VALUE_${String(value).toUpperCase()}) not numeric, can not use numeric value accessors` }
  }
  const text = String(value).trim()
  const floating = !INTEGER_TYPES.has(type)
  if (text === "") return { type: floating ? "number_format_exception" : "illegal_argument_exception", reason: "empty String" }
  if (Number.isFinite(Number(text))) return undefined
  return { type: floating ? "number_format_exception" : "illegal_argument_exception", reason: `For input string: "${text}"` }
}

/** How Java prints the value in "Preview of field's value", e.g. `{sku=A1}` for an object. */
export function javaPreview(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaPreview).join(", ")}]`
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${k}=${javaPreview(v)}`).join(", ")}}`
  return String(value)
}
