/** Reading a field's values out of a document, typed the way OpenSearch indexes them. */

import { analyzeText, normalizeKeyword } from "./analysis"
import { isPlainObject } from "./objects"
import { DATE_TYPES, INTEGER_TYPES, KEYWORD_TYPES, NUMERIC_TYPES, ResolvedField, TEXT_TYPES } from "./mapping"
import type { Shard } from "./shard"
import type { StoredDocument } from "./store"

/** A document, or one object of a nested field inside it (Lucene indexes those as hidden documents). */
export interface DocContext {
  shard: Shard
  doc: StoredDocument
  source: Record<string, unknown>
  /** The nested path this context stands for, or null for the top-level document. */
  nestedPath: string | null
}

export type DocValue = string | number | boolean

/** The terms a text or keyword field indexed for one document. */
export interface FieldTerms {
  /** Tokens per value, in order (a multi-valued field keeps its values apart, like position_increment_gap). */
  values: string[][]
  frequencies: Map<string, number>
  length: number
}

export const isTermField = (field: ResolvedField) => TEXT_TYPES.has(field.type) || KEYWORD_TYPES.has(field.type)

/** Raw `_source` values of a field, flattened; empty when the field lives in another nested scope. */
export function rawValues(ctx: DocContext, field: ResolvedField): unknown[] {
  if (field.nestedPath !== ctx.nestedPath) return []
  const relative = ctx.nestedPath ? field.sourcePath.slice(ctx.nestedPath.length + 1) : field.sourcePath
  return valuesAtPath(ctx.source, relative.split("."))
}

/** The nested-object contexts under `path` (a nested field in the scope of `ctx`). */
export function nestedContexts(ctx: DocContext, path: string): DocContext[] {
  const relative = ctx.nestedPath ? path.slice(ctx.nestedPath.length + 1) : path
  return valuesAtPath(ctx.source, relative.split("."))
    .filter(isPlainObject)
    .map((source) => ({ shard: ctx.shard, doc: ctx.doc, source, nestedPath: path }))
}

/** Follows `segments` through objects and arrays; also matches dotted keys such as `{"a.b": 1}`. */
export function valuesAtPath(node: unknown, segments: string[], from = 0, out: unknown[] = []): unknown[] {
  if (node === null || node === undefined) return out
  if (Array.isArray(node)) {
    for (const item of node) valuesAtPath(item, segments, from, out)
    return out
  }
  if (from === segments.length) {
    out.push(node)
    return out
  }
  if (!isPlainObject(node)) return out
  for (let to = from + 1; to <= segments.length; to++) {
    const key = segments.slice(from, to).join(".")
    if (key in node) valuesAtPath(node[key], segments, to, out)
  }
  return out
}

const docValuesCache = new WeakMap<object, Map<string, DocValue[]>>()
const termsCache = new WeakMap<object, Map<string, FieldTerms>>()

function cached<T>(cache: WeakMap<object, Map<string, T>>, source: object, key: string, compute: () => T): T {
  let perSource = cache.get(source)
  if (!perSource) cache.set(source, (perSource = new Map()))
  let value = perSource.get(key)
  if (value === undefined) perSource.set(key, (value = compute()))
  return value
}

/** Typed values as the field's doc values hold them (what sorting, aggregations and range queries see). */
export function docValues(ctx: DocContext, field: ResolvedField): DocValue[] {
  return cached(docValuesCache, ctx.source, field.path, () =>
    rawValues(ctx, field).flatMap((raw) => {
      const value = typedValue(field, raw, ctx.shard.analysisSettings)
      return value === undefined ? [] : Array.isArray(value) ? value : [value]
    })
  )
}

function typedValue(field: ResolvedField, raw: unknown, settings: Shard["analysisSettings"]): DocValue | DocValue[] | undefined {
  if (isPlainObject(raw)) return undefined
  if (NUMERIC_TYPES.has(field.type)) return toFieldNumber(field, raw)
  if (field.type === "boolean") return raw === true || raw === "true"
  if (DATE_TYPES.has(field.type)) return parseDate(raw)
  if (TEXT_TYPES.has(field.type)) return analyzeText(String(raw))
  if (KEYWORD_TYPES.has(field.type)) {
    const text = String(raw)
    if (field.mapping.ignore_above !== undefined && text.length > field.mapping.ignore_above) return undefined
    return normalizeKeyword(text, field.mapping.normalizer, settings)
  }
  return undefined
}

/** A number as the field stores it: integers truncated, floats rounded to 32 bits, scaled floats to their factor. */
export function toFieldNumber(field: ResolvedField, raw: unknown): number | undefined {
  const number = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN
  if (!Number.isFinite(number)) return undefined
  if (INTEGER_TYPES.has(field.type)) return Math.trunc(number)
  if (field.type === "float" || field.type === "half_float") return Math.fround(number)
  if (field.type === "scaled_float") {
    const factor = Number(field.mapping.scaling_factor ?? 1)
    return Math.round(number * factor) / factor
  }
  return number
}

/** The terms a text field's analyzer (or a keyword field's normalizer) produced for this document. */
export function fieldTerms(ctx: DocContext, field: ResolvedField): FieldTerms {
  return cached(termsCache, ctx.source, field.path, () => {
    const values = TEXT_TYPES.has(field.type)
      ? rawValues(ctx, field).filter((raw) => !isPlainObject(raw)).map((raw) => analyzeText(String(raw)))
      : (docValues(ctx, field) as string[]).map((value) => [value])
    const frequencies = new Map<string, number>()
    for (const term of values.flat()) frequencies.set(term, (frequencies.get(term) ?? 0) + 1)
    return { values, frequencies, length: KEYWORD_TYPES.has(field.type) ? 1 : values.flat().length }
  })
}

/** Epoch millis for a date value: ISO-8601 (strict_date_optional_time, UTC unless zoned) or epoch millis. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : undefined
  if (typeof value !== "string") return undefined
  const text = value.trim()
  if (/^\d{4}$/.test(text)) return Date.UTC(Number(text), 0, 1)
  if (/^-?\d+$/.test(text)) return Number(text)
  if (!/^\d{4}-\d{2}(-\d{2})?/.test(text)) return undefined
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes("T") ? text : `${text}Z`
  const millis = Date.parse(zoned)
  return Number.isNaN(millis) ? undefined : millis
}

const DATE_MATH_UNITS: Record<string, number> = { s: 1e3, m: 6e4, h: 36e5, H: 36e5, d: 864e5, w: 6048e5 }

/** Dates in queries also accept date math: `now`, `now-7d`, `now/d`, `2024-01-01||+1M`. */
export function parseDateMath(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== "string" || !(value.startsWith("now") || value.includes("||"))) return parseDate(value)
  const [anchor, math] = value.startsWith("now") ? [now, value.slice(3)] : [parseDate(value.split("||")[0]), value.split("||")[1]]
  if (anchor === undefined) return undefined
  let date = new Date(anchor)
  for (const [, op, amount, unit] of math.matchAll(/([+\-/])(\d*)([yMwdhHms])/g)) {
    if (op === "/") date = roundDown(date, unit)
    else date = shift(date, (op === "-" ? -1 : 1) * Number(amount || 1), unit)
  }
  return date.getTime()
}

function shift(date: Date, amount: number, unit: string): Date {
  const shifted = new Date(date)
  if (unit === "y") shifted.setUTCFullYear(shifted.getUTCFullYear() + amount)
  else if (unit === "M") shifted.setUTCMonth(shifted.getUTCMonth() + amount)
  else shifted.setTime(shifted.getTime() + amount * DATE_MATH_UNITS[unit])
  return shifted
}

function roundDown(date: Date, unit: string): Date {
  const d = new Date(date)
  if (unit === "y") return new Date(Date.UTC(d.getUTCFullYear(), 0, 1))
  if (unit === "M") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
  if (unit === "w") {
    const day = (d.getUTCDay() + 6) % 7 // weeks start on Monday
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
  }
  const size = DATE_MATH_UNITS[unit]
  return new Date(Math.floor(d.getTime() / size) * size)
}
