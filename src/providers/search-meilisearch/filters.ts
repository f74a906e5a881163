import type { SearchFilters, SearchFilterValue } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

type Operators = Record<string, unknown>

const unsupported = (what: string) =>
  new MedusaError(MedusaError.Types.NOT_ALLOWED, `Meilisearch filters do not support ${what}`)

/**
 * A filter value as Meilisearch reads it: numbers and booleans bare, dates as epoch ms, strings
 * quoted. Inside quotes Meilisearch unescapes `\"` only, so a backslash is left as it is.
 */
function literal(value: SearchFilterValue): string {
  if (value instanceof Date) return String(value.getTime())
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  return `"${String(value).replace(/"/g, '\\"')}"`
}

const isOperatorMap = (value: unknown): value is Operators =>
  Boolean(value) && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && Object.keys(value as object).every((key) => key.startsWith("$"))

const isNested = (value: unknown): value is SearchFilters =>
  Boolean(value) && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && !isOperatorMap(value)

function operatorClause(path: string, operator: string, value: unknown): string {
  switch (operator) {
    case "$eq":
      return value === null ? `${path} IS NULL` : `${path} = ${literal(value as SearchFilterValue)}`
    case "$ne":
      return value === null ? `${path} IS NOT NULL` : `${path} != ${literal(value as SearchFilterValue)}`
    case "$in":
    case "$overlaps":
      return `${path} IN [${(value as SearchFilterValue[]).map(literal).join(", ")}]`
    case "$nin":
      return `${path} NOT IN [${(value as SearchFilterValue[]).map(literal).join(", ")}]`
    case "$lt":
      return `${path} < ${literal(value as SearchFilterValue)}`
    case "$lte":
      return `${path} <= ${literal(value as SearchFilterValue)}`
    case "$gt":
      return `${path} > ${literal(value as SearchFilterValue)}`
    case "$gte":
      return `${path} >= ${literal(value as SearchFilterValue)}`
    case "$exists":
      return value ? `${path} EXISTS` : `${path} NOT EXISTS`
    case "$contains": {
      // On an array attribute `=` matches any element, so "contains all" is one `=` per value.
      const values = Array.isArray(value) ? value : [value]
      return values.map((entry) => `${path} = ${literal(entry as SearchFilterValue)}`).join(" AND ")
    }
    default:
      throw unsupported(`the ${operator} operator (on "${path}")`)
  }
}

function fieldClauses(path: string, value: unknown): string[] {
  if (value === null) return [`${path} IS NULL`]
  if (Array.isArray(value)) return [`${path} IN [${(value as SearchFilterValue[]).map(literal).join(", ")}]`]
  if (isOperatorMap(value)) return Object.entries(value).map(([operator, operand]) => operatorClause(path, operator, operand))
  if (isNested(value)) return clauses(value, path)
  return [`${path} = ${literal(value as SearchFilterValue)}`]
}

function clauses(filters: SearchFilters, prefix = ""): string[] {
  const result: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || key === "q") continue
    if (key === "$and") result.push(...(value as SearchFilters[]).map((part) => group(compileMeilisearchFilter(part))).filter(Boolean))
    else if (key === "$or") {
      const parts = (value as SearchFilters[]).map((part) => group(compileMeilisearchFilter(part))).filter(Boolean)
      if (parts.length) result.push(`(${parts.join(" OR ")})`)
    } else if (key === "$not") result.push(`NOT ${group(compileMeilisearchFilter(value as SearchFilters))}`)
    else result.push(...fieldClauses(prefix ? `${prefix}.${key}` : key, value))
  }
  return result
}

const group = (expression: string) => (expression ? `(${expression})` : "")

/** Medusa's filter language as one Meilisearch filter expression ("" when there is nothing to filter). */
export function compileMeilisearchFilter(filters: SearchFilters | undefined): string {
  return filters ? clauses(filters).join(" AND ") : ""
}
