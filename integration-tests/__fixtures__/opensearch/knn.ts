/**
 * The k-NN plugin's subset the providers use: `knn_vector` fields (`dimension`, `method.space_type`) and the
 * `knn` query `{ knn: { <field>: { vector, k, filter? } } }`. The fixture searches exactly (every document's
 * distance), then keeps the k nearest that pass the filter, as a lucene-engine efficient-filter search does.
 * Scores follow the plugin's space types: cosinesimil (1 + cos) / 2, l2 1 / (1 + d²), innerproduct
 * dot + 1 (or 1 / (1 - dot) below zero).
 */

import { illegalArgument, mapperParsing, parsingException } from "./errors"
import type { FieldMapping } from "./mapping"
import { isPlainObject } from "./objects"
import { boostOf, checkParams, Query, queryObject } from "./query-dsl"
import type { Shard } from "./shard"
import { DocContext, rawValues } from "./values"
import { vectorMeasures } from "../vector-measures"

const SPACE_TYPES = ["l2", "cosinesimil", "innerproduct", "l1", "linf"]

/** Rejects a `knn_vector` mapping OpenSearch rejects. */
export function checkKnnMapping(mapping: FieldMapping, path: string) {
  const dimension = mapping.dimension
  if (dimension === undefined) throw mapperParsing(`Dimension value missing for vector: ${path}`)
  if (!Number.isInteger(dimension) || (dimension as number) < 1 || (dimension as number) > 16000) {
    throw mapperParsing(`Dimension value must be a positive integer no greater than 16000 for vector: ${path}`)
  }
  const space = (mapping.method as { space_type?: unknown } | undefined)?.space_type
  if (space !== undefined && !SPACE_TYPES.includes(String(space))) throw mapperParsing(`Unable to find space: ${String(space)}`)
}

/** Why a document's value cannot go into a `knn_vector` field, or undefined if it can. */
export function knnValueProblem(value: unknown, mapping: FieldMapping): string | undefined {
  if (!Array.isArray(value) || value.some((component) => typeof component !== "number" || !Number.isFinite(component))) {
    return "Vector should be an array of finite numbers"
  }
  if (value.length !== mapping.dimension) return `Vector dimension mismatch. Expected: ${mapping.dimension}, Given: ${value.length}`
  return undefined
}

function similarity(space: string, a: number[], b: number[]): number {
  const { dot, cosine, l2Squared } = vectorMeasures(a, b)
  if (space === "cosinesimil") return (1 + cosine) / 2
  if (space === "innerproduct") return dot >= 0 ? dot + 1 : 1 / (1 - dot)
  return 1 / (1 + l2Squared)
}

export function knnQuery(body: unknown, shard: Shard, compile: (query: unknown, shard: Shard) => Query): Query {
  const entries = Object.entries(queryObject("knn", body))
  if (entries.length !== 1) throw parsingException("[knn] requires exactly one field")
  const [fieldName, params] = entries[0]
  if (!isPlainObject(params)) throw parsingException(`[knn] query malformed, no start_object after field name`)
  checkParams("knn", params, ["vector", "k", "filter", "boost", "_name", "method_parameters"])
  const field = shard.field(fieldName)
  if (!field || field.type !== "knn_vector") throw illegalArgument(`Field '${fieldName}' is not knn_vector type.`)
  const vector = params.vector
  if (!Array.isArray(vector) || vector.some((component) => typeof component !== "number")) throw parsingException("[knn] vector is required and must be an array of numbers")
  if (vector.length !== field.mapping.dimension) {
    throw illegalArgument(`Query vector has invalid dimension: ${vector.length}. Dimension should be: ${field.mapping.dimension}`)
  }
  const k = params.k
  if (!Number.isInteger(k) || (k as number) < 1) throw illegalArgument(`[knn] requires k > 0`)
  const filter = params.filter === undefined ? undefined : compile(params.filter, shard)
  const space = String((field.mapping.method as { space_type?: unknown } | undefined)?.space_type ?? "l2")
  const nearest = shard
    .documents()
    .filter((ctx) => !filter || filter.score(ctx) !== null)
    .flatMap((ctx) => {
      const components = rawValues(ctx, field) as number[]
      return components.length === vector.length ? [{ ctx, score: similarity(space, components, vector as number[]) }] : []
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, k as number)
  const scores = new Map(nearest.map(({ ctx, score }) => [ctx.doc, score * boostOf(params)]))
  return { score: (ctx: DocContext) => scores.get(ctx.doc) ?? null }
}
