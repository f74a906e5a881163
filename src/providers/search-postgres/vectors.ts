import type { SearchDocument, SearchFieldDefinition } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/** The columns a vector field is stored in: the embedding at unit length, and its sign bits for a fast first pass. */
export function vectorColumns(path: string) {
  const name = path.replace(/[^a-zA-Z0-9_]/g, "_")
  return { embedding: `cb_embedding_${name}`, signs: `cb_signs_${name}` }
}

/** Scaled to length 1, so the cosine similarity of two vectors is their dot product. Anything but finite numbers is refused. */
export function unitLength(vector: unknown[]): number[] {
  let sum = 0
  for (const value of vector) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `A vector holds ${JSON.stringify(value)}; every value must be a finite number`)
    }
    sum += value * value
  }
  const norm = Math.sqrt(sum)
  const numbers = vector as number[]
  return norm ? numbers.map((value) => value / norm) : numbers
}

/**
 * The vector as SQL constants: `'{…}'::real[]`, and its signs as `B'…'` (one bit per component: positive or not).
 * Written into the statement rather than bound, because MikroORM inlines bound strings itself, escaping them
 * character by character: about 5 ms per 1,536-value vector. Only `unitLength`'s finite numbers reach here, so
 * the text is digits, signs, dots and exponents.
 */
export const embeddingSql = (vector: number[]) => `'{${vector.join(",")}}'::real[]`
export const signsSql = (vector: number[]) => `B'${vector.map((value) => (value > 0 ? "1" : "0")).join("")}'`

/**
 * How many rows the sign bits pick for the exact cosine to rank, per hit asked for: Hamming distance on the
 * signs is a coarse but cheap proxy (binary quantisation), so it picks several times more rows than needed.
 */
export const CANDIDATES_PER_HIT = 5
export const MIN_CANDIDATES = 100

/** The same fields without vector fields, nested ones included. */
export function withoutVectorFields(fields: Record<string, SearchFieldDefinition>): Record<string, SearchFieldDefinition> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, field]) => field.type !== "vector")
      .map(([name, field]) => [name, field.type === "object" && field.fields ? { ...field, fields: withoutVectorFields(field.fields) } : field])
  )
}

/** The document without the values at `paths` (dotted). */
export function withoutPaths(document: SearchDocument, paths: string[]): SearchDocument {
  let result: Record<string, unknown> = document
  for (const path of paths) result = withoutPath(result, path.split("."))
  return result as SearchDocument
}

function withoutPath(document: Record<string, unknown>, [head, ...rest]: string[]): Record<string, unknown> {
  if (!(head in document)) return document
  const { [head]: value, ...others } = document
  if (!rest.length) return others
  return value && typeof value === "object" ? { ...document, [head]: withoutPath(value as Record<string, unknown>, rest) } : document
}
