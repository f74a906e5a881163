import type { SearchFieldDefinition, SearchFilters, SearchFilterValue } from "@medusajs/framework/types"
import { notAllowed, resolvePath, ResolvedPath, wrapNested } from "./mappings"

type Query = Record<string, unknown>
type Fields = Record<string, SearchFieldDefinition>
/** A bool query's non-scoring clauses. */
interface Clauses {
  filter: Query[]
  must_not: Query[]
}
interface Scope {
  fields: Fields
  prefix: string
  /** The nested path the clauses being built will sit inside of, if any. */
  insideOf?: string
}

const RANGE: Record<string, string> = { $lt: "lt", $lte: "lte", $gt: "gt", $gte: "gte" }

/** Dates travel as ISO strings, which OpenSearch `date` fields parse; everything else as is. */
const valueOf = (value: unknown) => (value instanceof Date ? value.toISOString() : value)

const isOperatorMap = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && Object.keys(value).every((key) => key.startsWith("$"))
const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)

/** `$like`'s SQL pattern as a wildcard pattern: `%` → `*`, `_` → `?`, literal `*`, `?` and `\` escaped. */
export const likeToWildcard = (pattern: string) => pattern.replace(/[\\*?]/g, "\\$&").replace(/%/g, "*").replace(/_/g, "?")

/** `exists` never sees nested objects (they are hidden documents): an array of objects exists if it has one. */
const existsQuery = ({ path, field }: ResolvedPath): Query =>
  field?.type === "object" && field.array ? { nested: { path, query: { match_all: {} } } } : { exists: { field: path } }

function operatorClauses(target: ResolvedPath, operator: string, value: unknown, add: (query: Query, negated?: boolean) => void) {
  const { path, exactPath } = target
  const term = (operand: unknown) => ({ term: { [exactPath]: valueOf(operand) } })
  const terms = (operands: unknown) => ({ terms: { [exactPath]: (operands as unknown[]).map(valueOf) } })
  const exists = existsQuery(target)
  switch (operator) {
    case "$eq":
      return value === null ? add(exists, true) : add(term(value))
    case "$ne":
      return value === null ? add(exists) : add(term(value), true)
    case "$in":
    case "$overlaps":
      return add(terms(value))
    case "$nin":
      return add(terms(value), true)
    case "$exists":
      return add(exists, !value)
    case "$contains":
      // Every value must be held: one term query each (an array matches a term held by any element).
      return (Array.isArray(value) ? value : [value]).forEach((operand) => add(term(operand)))
    case "$prefix":
      return add({ prefix: { [exactPath]: String(value) } })
    case "$like":
      return add({ wildcard: { [exactPath]: { value: likeToWildcard(String(value)) } } })
    default:
      throw notAllowed(`filters do not support the ${operator} operator (on "${path}")`)
  }
}

function fieldClauses(key: string, value: unknown, scope: Scope, clauses: Clauses) {
  const target = resolvePath(scope.fields, scope.prefix ? `${scope.prefix}.${key}` : key)
  const add = (query: Query, negated = false) =>
    clauses[negated ? "must_not" : "filter"].push(wrapNested(query, target.nestedPaths, scope.insideOf) as Query)
  if (value === null) return add(existsQuery(target), true)
  if (Array.isArray(value)) return add({ terms: { [target.exactPath]: value.map(valueOf) } })
  if (isOperatorMap(value)) {
    const range: Query = {}
    for (const [operator, operand] of Object.entries(value)) {
      if (operand === undefined) continue
      if (RANGE[operator]) range[RANGE[operator]] = valueOf(operand)
      else operatorClauses(target, operator, operand, add)
    }
    if (Object.keys(range).length) add({ range: { [target.exactPath]: range } })
    return
  }
  if (isObject(value)) return objectClauses(target, value as SearchFilters, scope, clauses)
  add({ term: { [target.exactPath]: valueOf(value) } })
}

/** `{ variants: { sku, size } }`: on a nested field both conditions must hold within one element. */
function objectClauses(target: ResolvedPath, value: SearchFilters, scope: Scope, clauses: Clauses) {
  const isNested = target.field?.type === "object" && target.field.array
  if (!isNested) return collect(value, { ...scope, prefix: target.path }, clauses)
  const inner = toBool(collect(value, { fields: scope.fields, prefix: target.path, insideOf: target.path }, emptyClauses()))
  clauses.filter.push(wrapNested(inner, [...target.nestedPaths, target.path], scope.insideOf) as Query)
}

function collect(filters: SearchFilters, scope: Scope, clauses: Clauses): Clauses {
  const part = (filter: SearchFilters) => toBool(collect(filter, scope, emptyClauses()))
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || (key === "q" && !scope.prefix)) continue
    if (key === "$and") clauses.filter.push(...(value as SearchFilters[]).map(part))
    else if (key === "$or") clauses.filter.push({ bool: { should: (value as SearchFilters[]).map(part), minimum_should_match: 1 } })
    else if (key === "$not") clauses.must_not.push(part(value as SearchFilters))
    else fieldClauses(key, value as SearchFilterValue, scope, clauses)
  }
  return clauses
}

const emptyClauses = (): Clauses => ({ filter: [], must_not: [] })

function toBool({ filter, must_not }: Clauses): Query {
  if (!filter.length && !must_not.length) return { match_all: {} }
  return { bool: { ...(filter.length ? { filter } : {}), ...(must_not.length ? { must_not } : {}) } }
}

/** Medusa's filter tree as one OpenSearch bool query in filter context (undefined when nothing filters). */
export function compileOpenSearchFilter(filters: SearchFilters | undefined, fields: Fields): Query | undefined {
  const clauses = collect(filters ?? {}, { fields, prefix: "" }, emptyClauses())
  return clauses.filter.length || clauses.must_not.length ? toBool(clauses) : undefined
}
