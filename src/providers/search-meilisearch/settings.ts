import type { ResolvedSearchIndexDefinition } from "@medusajs/framework/types"
import { flattenFields, isFacetable, searchWeight } from "../../lib/search-fields"
import { vectorFields } from "../../search-embeddings/provider-vectors"

/** The Meilisearch embedder of a vector field: its path, dots as underscores (`embedding`). */
export const embedderName = (path: string) => path.replace(/\./g, "_")

/**
 * Meilisearch settings from an index definition: searchable attributes ordered by weight (Meilisearch
 * ranks earlier attributes higher), filterable = filterable or facetable fields, sortable, displayed,
 * distinct, typo tolerance, ranking rules with `sort` first; `settings.provider_options.meilisearch`
 * (synonyms, stopWords, rankingRules…) is applied last, as given.
 */
export function meilisearchSettings(index: ResolvedSearchIndexDefinition): Record<string, unknown> {
  const fields = flattenFields(index.fields).filter(({ field }) => field.type !== "vector")
  const embedders = Object.fromEntries(vectorFields(index).map((field) => [embedderName(field.path), { source: "userProvided", dimensions: field.dimensions }]))
  const searchable = fields
    .filter(({ field }) => searchWeight(field) > 0)
    .sort((a, b) => searchWeight(b.field) - searchWeight(a.field))
    .map(({ path }) => path)
  const hidden = fields.some(({ field }) => field.retrievable === false)
  const typo = index.settings.typo_tolerance
  return {
    searchableAttributes: searchable.length ? searchable : ["*"],
    filterableAttributes: unique([index.primary_key, ...fields.filter(({ field }) => field.filterable || isFacetable(field)).map(({ path }) => path)]),
    sortableAttributes: fields.filter(({ field }) => field.sortable).map(({ path }) => path),
    displayedAttributes: hidden ? unique([index.primary_key, ...fields.filter(({ field }) => field.retrievable !== false).map(({ path }) => path)]) : ["*"],
    distinctAttribute: index.settings.distinct_attribute ?? null,
    rankingRules: RANKING_RULES,
    // Facet limits are applied per query on what this returns.
    faceting: { maxValuesPerFacet: MAX_FACET_VALUES },
    // Vector fields are written as documents' `_vectors`, computed by CommerceBridge (cached by content hash).
    ...(Object.keys(embedders).length ? { embedders } : {}),
    ...(typo
      ? {
          typoTolerance: {
            enabled: typo.enabled ?? true,
            ...(typo.min_word_size_for_one_typo || typo.min_word_size_for_two_typos
              ? { minWordSizeForTypos: { oneTypo: typo.min_word_size_for_one_typo ?? 5, twoTypos: typo.min_word_size_for_two_typos ?? 9 } }
              : {}),
            disableOnAttributes: typo.disabled_on_attributes ?? [],
          },
        }
      : {}),
    ...(index.settings.provider_options?.meilisearch ?? {}),
  }
}

const unique = (values: string[]) => [...new Set(values)]

export const MAX_FACET_VALUES = 1000

/**
 * Meilisearch's default rules with `sort` moved first: a query that names an order (`order=-title` with a
 * `q`) is sorted by it, relevance breaking ties, as PostgreSQL and Medusa's own routes sort. A query with
 * no `sort` is unaffected, the rule then having nothing to compare.
 */
export const RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]
