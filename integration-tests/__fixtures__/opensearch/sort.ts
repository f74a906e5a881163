/** Search sorting: `sort` specs, per-document sort values, and the comparator (missing values last by default). */

import { isPlainObject } from "./objects"
import { fielddataDisabled, illegalArgument, parsingException, queryShardFailure } from "./errors"
import { TEXT_TYPES } from "./mapping"
import type { Shard } from "./shard"
import { DocContext, DocValue, docValues, nestedContexts } from "./values"

export interface SortSpec {
  by: "_score" | "_doc" | "field"
  field?: string
  order: "asc" | "desc"
  missing: unknown
  mode?: string
  unmappedType?: string
  nested?: { path: string; filter?: unknown }
}

export type SortValue = DocValue | null

/** Parses `sort` from the body (string, object or array) or the URL (`price:desc,name`). */
export function parseSort(sort: unknown, fromUrl = false): SortSpec[] {
  if (sort === undefined || sort === null) return []
  const items = fromUrl ? String(sort).split(",") : Array.isArray(sort) ? sort : [sort]
  return items.map((item) => {
    if (typeof item === "string") {
      const [name, order] = fromUrl ? item.split(":") : [item, undefined]
      return spec(name, order === undefined ? {} : { order })
    }
    if (!isPlainObject(item) || Object.keys(item).length !== 1) throw parsingException("[sort] malformed sort, expected a single field per sort object")
    const [name, options] = Object.entries(item)[0]
    return spec(name, isPlainObject(options) ? options : { order: options })
  })
}

function spec(name: string, options: Record<string, unknown>): SortSpec {
  const by = name === "_score" ? "_score" : name === "_doc" ? "_doc" : "field"
  const order = String(options.order ?? (by === "_score" ? "desc" : "asc")).toLowerCase()
  if (order !== "asc" && order !== "desc") throw illegalArgument(`Unknown SortOrder [${options.order}]`)
  const nested = isPlainObject(options.nested) ? { path: String(options.nested.path), filter: options.nested.filter } : undefined
  return {
    by,
    field: by === "field" ? name : undefined,
    order,
    missing: options.missing ?? "_last",
    mode: options.mode as string | undefined,
    unmappedType: options.unmapped_type as string | undefined,
    nested,
  }
}

/** Refuses sorts OpenSearch refuses on this shard: text fields (no fielddata) and unmapped fields without unmapped_type. */
export function checkSortable(specs: SortSpec[], shard: Shard) {
  for (const { field: name, unmappedType } of specs) {
    if (!name) continue
    const field = shard.field(name)
    if (!field && !unmappedType) throw queryShardFailure(`No mapping found for [${name}] in order to sort on`, shard.name, shard.index.uuid)
    if (field && TEXT_TYPES.has(field.type)) throw fielddataDisabled(name, shard.name)
  }
}

/** The value a document sorts by: min of a multi-valued field ascending, max descending (or the requested mode). */
export function sortValue(sort: SortSpec, ctx: DocContext, score: number | null): SortValue {
  if (sort.by === "_score") return score
  if (sort.by === "_doc") return ctx.doc.order
  const field = ctx.shard.field(sort.field!)
  if (!field) return null
  const scopes = sort.nested
    ? nestedContexts(ctx, sort.nested.path).filter((child) => sort.nested!.filter === undefined || ctx.shard.compile(sort.nested!.filter).score(child) !== null)
    : [ctx]
  const values = scopes.flatMap((scope) => docValues(scope, field)).map((value) => (typeof value === "boolean" ? (value ? 1 : 0) : value))
  if (!values.length) return null
  const mode = sort.mode ?? (sort.order === "asc" ? "min" : "max")
  if (mode === "sum" || mode === "avg" || mode === "median") {
    const numbers = values.map(Number).sort((a, b) => a - b)
    const sum = numbers.reduce((a, b) => a + b, 0)
    if (mode === "sum") return sum
    if (mode === "avg") return sum / numbers.length
    const middle = numbers.length >> 1
    return numbers.length % 2 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2
  }
  const value = values.reduce((best, value) => ((mode === "min" ? value < best : value > best) ? value : best))
  return (field.type === "float" || field.type === "half_float") && typeof value === "number" ? asJavaFloat(value) : value
}

/** A 32-bit float prints as its shortest round-tripping decimal (19.99f → 19.99), as OpenSearch writes sort values. */
function asJavaFloat(value: number): number {
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(value.toPrecision(digits))
    if (Math.fround(candidate) === value) return candidate
  }
  return value
}

/** Compares two documents' sort-value tuples; a `missing` of `_last`/`_first` places valueless documents regardless of order. */
export function compareSortValues(specs: SortSpec[], a: SortValue[], b: SortValue[]): number {
  for (let i = 0; i < specs.length; i++) {
    const { order, missing } = specs[i]
    let [x, y] = [a[i], b[i]]
    if (missing !== "_last" && missing !== "_first") {
      x ??= missing as DocValue
      y ??= missing as DocValue
    }
    if (x === y) continue
    if (x === null || y === null) return (x === null ? 1 : -1) * (missing === "_first" ? -1 : 1)
    const diff = x < y ? -1 : x > y ? 1 : 0
    if (diff) return order === "asc" ? diff : -diff
  }
  return 0
}
