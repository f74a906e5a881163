/** `_source` filtering for hits and GET: `false`, field lists, and `{ includes, excludes }` with wildcards. */

import { wildcardRegExp } from "./analysis"
import { isPlainObject } from "./objects"
import { asArray } from "./query-dsl"

export type SourceFilter = ((source: Record<string, unknown>) => Record<string, unknown>) | false

/** Builds the filter from the body's `_source` and the URL's `_source`, `_source_includes`, `_source_excludes`. */
export function sourceFilter(spec: unknown, params?: URLSearchParams): SourceFilter {
  const urlSource = params?.get("_source")
  if (urlSource === "false" || spec === false) return false
  const fromUrl = (name: string) => params?.get(name)?.split(",").filter(Boolean) ?? []
  let includes: string[] = [...fromUrl("_source_includes"), ...(urlSource && urlSource !== "true" ? urlSource.split(",") : [])]
  let excludes: string[] = fromUrl("_source_excludes")
  if (typeof spec === "string" || Array.isArray(spec)) includes = [...includes, ...asArray(spec as string | string[])]
  else if (isPlainObject(spec)) {
    includes = [...includes, ...asArray((spec.includes ?? spec.include) as string | string[] | undefined)]
    excludes = [...excludes, ...asArray((spec.excludes ?? spec.exclude) as string | string[] | undefined)]
  }
  if (!includes.length && !excludes.length) return (source) => source
  const includePatterns = includes.map((pattern) => wildcardRegExp(pattern))
  const excludePatterns = excludes.map((pattern) => wildcardRegExp(pattern))
  return (source) => filterObject(source, "", includePatterns, excludePatterns, includePatterns.length === 0)
}

const matchesAny = (patterns: RegExp[], path: string) => patterns.some((pattern) => pattern.test(path))

/** Keeps a value whose path an include pattern matches (with everything under it), minus excluded paths. */
function filterObject(object: Record<string, unknown>, prefix: string, includes: RegExp[], excludes: RegExp[], included: boolean) {
  const filtered: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (matchesAny(excludes, path)) continue
    const kept = filterValue(value, path, includes, excludes, included || matchesAny(includes, path))
    if (kept !== undefined) filtered[key] = kept
  }
  return filtered
}

function filterValue(value: unknown, path: string, includes: RegExp[], excludes: RegExp[], included: boolean): unknown {
  if (isPlainObject(value)) {
    const child = filterObject(value, path, includes, excludes, included)
    return included || Object.keys(child).length ? child : undefined
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => filterValue(item, path, includes, excludes, included)).filter((item) => item !== undefined)
    return included || items.length ? items : undefined
  }
  return included ? value : undefined
}
