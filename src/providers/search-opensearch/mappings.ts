import type { ResolvedSearchIndexDefinition, SearchFieldDefinition, SearchFieldKind } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { flattenFields, isFacetable } from "../../lib/search-fields"

type FieldMapping = Record<string, unknown>

/**
 * OpenSearch types per Medusa field type. `long`/`double` rather than `integer`/`float`: OpenSearch's
 * `float` is 32-bit, so a price of 19.99 would come back from stats and sorts as 19.9899997.
 * Vector fields are `knn_vector` with cosine similarity (HNSW on the lucene engine), queried by `knn`.
 */
const SCALAR_TYPES: Partial<Record<SearchFieldKind, string>> = {
  keyword: "keyword",
  integer: "long",
  float: "double",
  boolean: "boolean",
  date: "date",
  geo: "geo_point",
}

/** Text fields that are also filtered, sorted or faceted on get an exact `keyword` subfield. */
export const hasKeywordSubfield = (field: SearchFieldDefinition): boolean =>
  field.type === "text" && Boolean(field.filterable || field.sortable || isFacetable(field))

function fieldMapping(field: SearchFieldDefinition): FieldMapping | undefined {
  const extra = field.provider_options?.opensearch ?? {}
  if (field.type === "vector") {
    return { type: "knn_vector", dimension: field.dimensions, method: { name: "hnsw", space_type: "cosinesimil", engine: "lucene" }, ...extra }
  }
  if (field.type === "object") {
    // An array of objects is `nested`, so a filter on two of its fields must match within one element.
    return { ...(field.array ? { type: "nested" } : {}), properties: propertiesOf(field.fields ?? {}), ...extra }
  }
  if (field.type === "text") {
    return { type: "text", ...(hasKeywordSubfield(field) ? { fields: { keyword: { type: "keyword" } } } : {}), ...extra }
  }
  return { type: SCALAR_TYPES[field.type], ...extra }
}

function propertiesOf(fields: Record<string, SearchFieldDefinition>): Record<string, FieldMapping> {
  const properties: Record<string, FieldMapping> = {}
  for (const [name, field] of Object.entries(fields)) {
    const mapping = fieldMapping(field)
    if (mapping) properties[name] = mapping
  }
  return properties
}

/**
 * The index mappings for a definition (the primary key is always an exact keyword). Mappings can only
 * grow in place: a changed field type needs a new physical index, which the Search Module creates
 * when the definition hash changes.
 */
export function openSearchMappings(index: ResolvedSearchIndexDefinition): { properties: Record<string, FieldMapping> } {
  const properties = propertiesOf(index.fields)
  properties[index.primary_key] ??= { type: "keyword" }
  return { properties }
}

/** Index settings: `index.knn` on where the definition has vector fields, then the definition's own. */
export function openSearchIndexSettings(index: ResolvedSearchIndexDefinition): Record<string, unknown> | undefined {
  const own = index.settings?.provider_options?.opensearch as Record<string, unknown> | undefined
  const vectors = flattenFields(index.fields).some(({ field }) => field.type === "vector")
  if (!vectors) return own
  return { ...own, index: { ...((own?.index as object) ?? {}), knn: true } }
}

/** What a dotted field path means to OpenSearch. */
export interface ResolvedPath {
  path: string
  field?: SearchFieldDefinition
  /** Where exact matches, sorts and value facets read: `<path>.keyword` for a text field with the subfield. */
  exactPath: string
  /** The nested objects the path lies in, outermost first. */
  nestedPaths: string[]
}

export function resolvePath(fields: Record<string, SearchFieldDefinition>, path: string): ResolvedPath {
  const nestedPaths: string[] = []
  let level: Record<string, SearchFieldDefinition> | undefined = fields
  let field: SearchFieldDefinition | undefined
  const segments = path.split(".")
  segments.forEach((segment, i) => {
    field = level?.[segment]
    const here = segments.slice(0, i + 1).join(".")
    if (field?.type === "object" && field.array && i < segments.length - 1) nestedPaths.push(here)
    level = field?.type === "object" ? field.fields : undefined
  })
  const exactPath = field && hasKeywordSubfield(field) ? `${path}.keyword` : path
  return { path, field, exactPath, nestedPaths }
}

/** Wraps a query on a nested field in one `nested` query per level it is not already inside of. */
export function wrapNested(query: object, nestedPaths: string[], insideOf?: string): object {
  const outside = nestedPaths.filter((path) => !insideOf || (path !== insideOf && !insideOf.startsWith(`${path}.`)))
  return outside.reduceRight((inner, path) => ({ nested: { path, query: inner } }), query)
}

export const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, `OpenSearch search provider: ${message}`)

const KIND_OF_TYPE: Record<string, SearchFieldKind> = { long: "integer", integer: "integer", short: "integer", double: "float", float: "float", boolean: "boolean", date: "date", text: "text" }

/** Field definitions read back from an index's mappings, for filtering an index whose definition this process has not seen. */
export function fieldsFromMapping(properties: Record<string, any> = {}): Record<string, SearchFieldDefinition> {
  return Object.fromEntries(
    Object.entries(properties).map(([name, mapping]): [string, SearchFieldDefinition] => {
      if (mapping.properties) return [name, { type: "object", array: mapping.type === "nested", fields: fieldsFromMapping(mapping.properties) }]
      const type = KIND_OF_TYPE[mapping.type] ?? "keyword"
      return [name, { type, filterable: type !== "text" || Boolean(mapping.fields?.keyword) }]
    })
  )
}
