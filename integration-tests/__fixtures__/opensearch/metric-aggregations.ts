/** Metric aggregations (min, max, avg, sum, stats, value_count, cardinality) and the field checks aggregations share. */

import { fielddataDisabled, shardLevel } from "./errors"
import { DATE_TYPES, NUMERIC_TYPES, ResolvedField, TEXT_TYPES } from "./mapping"
import type { Shard } from "./shard"
import { DocContext, DocValue, docValues } from "./values"

export interface AggregationScope {
  contexts: DocContext[]
  /** Every shard the search ran on, so field checks fail the way OpenSearch does even with no matching documents. */
  shards: Shard[]
}

/**
 * Checks the field on every shard (text fields have no doc values; numeric metrics refuse keywords) and returns a
 * reader for one context's values.
 */
export function fieldReader(scope: AggregationScope, fieldName: string, aggregation: string, numericOnly: boolean) {
  for (const shard of scope.shards) {
    const field = shard.field(fieldName)
    if (!field) continue
    if (TEXT_TYPES.has(field.type)) throw fielddataDisabled(fieldName, shard.name)
    if (numericOnly && !isNumericLike(field)) {
      throw shardLevel(400, { type: "illegal_argument_exception", reason: `Field [${fieldName}] of type [${field.type}] is not supported for aggregation [${aggregation}]` }, shard.name)
    }
  }
  return (ctx: DocContext): DocValue[] => {
    const field = ctx.shard.field(fieldName)
    return field ? docValues(ctx, field) : []
  }
}

export const isNumericLike = (field: ResolvedField) => NUMERIC_TYPES.has(field.type) || DATE_TYPES.has(field.type) || field.type === "boolean"

export const isDateField = (scope: AggregationScope, fieldName: string) =>
  scope.shards.some((shard) => DATE_TYPES.has(shard.field(fieldName)?.type ?? ""))

const toNumber = (value: DocValue) => (typeof value === "boolean" ? (value ? 1 : 0) : Number(value))

const METRICS = ["min", "max", "avg", "sum", "stats", "value_count", "cardinality"] as const
export type MetricType = (typeof METRICS)[number]
export const isMetric = (type: string): type is MetricType => (METRICS as readonly string[]).includes(type)

export function metricAggregation(type: MetricType, params: Record<string, unknown>, scope: AggregationScope) {
  const fieldName = String(params.field)
  const countsAnything = type === "value_count" || type === "cardinality"
  const read = fieldReader(scope, fieldName, type, !countsAnything)
  const values = scope.contexts.flatMap((ctx) => {
    const found = read(ctx)
    return found.length || params.missing === undefined ? found : [params.missing as DocValue]
  })
  if (type === "value_count") return { value: values.length }
  if (type === "cardinality") return { value: new Set(values).size }
  const numbers = values.map(toNumber)
  const sum = numbers.reduce((total, n) => total + n, 0)
  const min = numbers.length ? Math.min(...numbers) : null
  const max = numbers.length ? Math.max(...numbers) : null
  const avg = numbers.length ? sum / numbers.length : null
  const asDate = isDateField(scope, fieldName)
  const withString = (value: number | null) =>
    asDate && value !== null ? { value, value_as_string: new Date(value).toISOString() } : { value }
  if (type === "min") return withString(min)
  if (type === "max") return withString(max)
  if (type === "avg") return { value: avg }
  if (type === "sum") return { value: sum }
  return { count: numbers.length, min, max, avg, sum }
}
