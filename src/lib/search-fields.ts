import type { SearchFieldDefinition } from "@medusajs/framework/types"

/** One field of an index definition at its dotted path (`variants.sku`), nested objects flattened. */
export interface FieldAtPath {
  path: string
  field: SearchFieldDefinition
}

/** Every leaf field of a definition, depth first; object fields contribute their children. */
export function flattenFields(fields: Record<string, SearchFieldDefinition>, prefix = ""): FieldAtPath[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name
    return field.type === "object" && field.fields ? flattenFields(field.fields, path) : [{ path, field }]
  })
}

/** The value at a dotted document path (`content.description`), undefined where the path stops. */
export const valueAt = (document: Record<string, any>, path: string): unknown => path.split(".").reduce<any>((value, key) => value?.[key], document)

export const searchWeight = (field: SearchFieldDefinition): number =>
  typeof field.searchable === "object" ? field.searchable.weight ?? 1 : field.searchable ? 1 : 0

export const isFacetable = (field: SearchFieldDefinition): boolean => Boolean(field.facetable)

/** Paths of date fields: engines that filter and sort on numbers store them as epoch milliseconds. */
export const datePaths = (fields: Record<string, SearchFieldDefinition>): string[] =>
  flattenFields(fields)
    .filter(({ field }) => field.type === "date")
    .map(({ path }) => path)
