import { Doc, leavesAt } from "./documents"
import { badRequest } from "./errors"
import { FilterableAttribute, isFilterable, normalizeFacet } from "./filter"
import type { Settings } from "./settings"

/** `facets` → `facetDistribution` (value counts) and `facetStats` (numeric min/max). */

export function resolveFacets(requested: string[], filterable: FilterableAttribute[]): string[] {
  const names = filterable.filter((entry): entry is string => typeof entry === "string")
  const facets = requested.flatMap((facet) => (facet === "*" ? names : [facet]))
  const refused = facets.filter((facet) => !isFilterable(facet, filterable))
  if (refused.length === 0) return [...new Set(facets)]
  const available = [...names].sort().join(", ")
  const which = refused.length === 1 ? `attribute \`${refused[0]}\` is` : `attributes \`${refused.join(", ")}\` are`
  const message =
    names.length === 0
      ? "Invalid facet distribution, this index does not have configured filterable attributes."
      : `Invalid facet distribution, ${which} not filterable. The available filterable ${names.length === 1 ? "attribute is" : "attributes are"} \`${available}\`.`
  throw badRequest("invalid_search_facets", message)
}

export function computeFacets(docs: Doc[], facets: string[], faceting: Settings["faceting"]) {
  const facetDistribution: Record<string, Record<string, number>> = {}
  const facetStats: Record<string, { min: number; max: number }> = {}
  for (const facet of facets) {
    const counts = new Map<string, { label: string; count: number }>()
    const numbers: number[] = []
    for (const doc of docs) {
      const seen = new Set<string>()
      for (const leaf of leavesAt(doc, facet)) {
        if (typeof leaf === "number") numbers.push(leaf)
        const key = normalizeFacet(String(leaf))
        if (seen.has(key)) continue
        seen.add(key)
        const entry = counts.get(key) ?? { label: String(leaf), count: 0 }
        entry.count++
        counts.set(key, entry)
      }
    }
    const order = faceting.sortFacetValuesBy[facet] ?? faceting.sortFacetValuesBy["*"] ?? "alpha"
    const sorted = [...counts.entries()].sort(([keyA, a], [keyB, b]) =>
      order === "count" ? b.count - a.count || keyA.localeCompare(keyB) : keyA < keyB ? -1 : keyA > keyB ? 1 : 0
    )
    facetDistribution[facet] = Object.fromEntries(sorted.slice(0, faceting.maxValuesPerFacet).map(([, { label, count }]) => [label, count]))
    if (numbers.length) facetStats[facet] = { min: Math.min(...numbers), max: Math.max(...numbers) }
  }
  return { facetDistribution, facetStats }
}
