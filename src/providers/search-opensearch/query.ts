import type { ProviderSearchQuery, SearchHighlightOptions, SearchOrderBy } from "@medusajs/framework/types"
import { flattenFields, searchWeight } from "../../lib/search-fields"
import { asFacet, facetAggregations } from "./facets"
import { compileOpenSearchFilter } from "./filters"
import { notAllowed, resolvePath, wrapNested } from "./mappings"

type Body = Record<string, unknown>

export const DEFAULT_TAKE = 20

/** The free-text query: lifted out of the filters by the module, but `filters.q` is accepted too. */
export const queryText = (input: ProviderSearchQuery) => (input.q ?? input.filters?.q)?.trim() || undefined

/** The `_search` body for one Medusa search; refuses what it cannot express instead of approximating. */
export function searchBody(input: ProviderSearchQuery): Body {
  const options = input.search_options ?? {}
  const pagination = input.pagination ?? {}
  if (options.vector) throw notAllowed("a vector search is planned by hybridBodies (hybrid.ts)")
  if (options.distinct) throw notAllowed(`"distinct" needs field collapsing, which this provider does not use yet`)
  if (options.locales?.length) throw notAllowed("per-query locales are not supported: configure analyzers on the fields instead")
  if (pagination.cursor) throw notAllowed("cursor pagination is not supported: use skip and take")
  const q = queryText(input)
  const filter = compileOpenSearchFilter(input.filters, input.index.fields)
  const text = q ? textQuery(input, q) : undefined
  const sort = sortOf(input, pagination.order)
  const aggs = facetAggregations(input.index.fields, (options.facets ?? []).map(asFacet))
  return {
    query: text || filter ? { bool: { ...(text ? { must: [text] } : {}), ...(filter ? { filter: [filter] } : {}) } } : { match_all: {} },
    from: pagination.skip ?? 0,
    size: pagination.take ?? DEFAULT_TAKE,
    ...(sort.length ? { sort } : {}),
    ...(options.include_score && sort.length ? { track_scores: true } : {}),
    ...(options.count === "exact" ? { track_total_hits: true } : options.count === "none" ? { track_total_hits: false } : {}),
    ...sourceOf(input),
    ...(options.min_score !== undefined ? { min_score: options.min_score } : {}),
    ...(Object.keys(aggs).length ? { aggs } : {}),
    ...(q && options.highlight ? { highlight: highlightOf(input, options.highlight) } : {}),
    ...(options.provider_options?.opensearch ?? {}),
  }
}

const searchedPaths = (input: ProviderSearchQuery): string[] =>
  input.search_options?.attributes_to_search_on ??
  flattenFields(input.index.fields)
    .filter(({ field }) => searchWeight(field) > 0)
    .map(({ path }) => path)

/**
 * `multi_match` over the searched fields with their weights as boosts. Fields inside nested objects are
 * searched through a `nested` query, and fields excluded from typo tolerance without fuzziness; the
 * groups combine with `dis_max`, as `best_fields` combines fields.
 */
function textQuery(input: ProviderSearchQuery, q: string): Body {
  const options = input.search_options ?? {}
  const typo = input.index.settings?.typo_tolerance
  const fuzzy = options.typo_tolerance !== false && typo?.enabled !== false
  const fuzziness =
    typo?.min_word_size_for_one_typo || typo?.min_word_size_for_two_typos
      ? `AUTO:${typo.min_word_size_for_one_typo ?? 3},${typo.min_word_size_for_two_typos ?? 6}`
      : "AUTO"
  const strategy = options.match_strategy ?? "all"
  const groups = new Map<string, { nestedPaths: string[]; fuzzy: boolean; fields: string[] }>()
  for (const path of searchedPaths(input)) {
    const { field, nestedPaths } = resolvePath(input.index.fields, path)
    const fieldFuzzy = fuzzy && !typo?.disabled_on_attributes?.includes(path)
    const key = `${nestedPaths.join(">")}|${fieldFuzzy}`
    const group = groups.get(key) ?? groups.set(key, { nestedPaths, fuzzy: fieldFuzzy, fields: [] }).get(key)!
    const weight = field ? searchWeight(field) || 1 : 1
    group.fields.push(weight === 1 ? path : `${path}^${weight}`)
  }
  const multiMatch = (fields: string[] | undefined, withFuzziness: boolean) => ({
    multi_match: {
      query: q,
      ...(fields ? { fields } : {}),
      // "last" is typeahead: completed terms match in full, the last one as a prefix.
      ...(strategy === "last" ? { type: "bool_prefix" } : {}),
      operator: strategy === "any" ? "or" : "and",
      ...(withFuzziness ? { fuzziness } : {}),
    },
  })
  const queries = [...groups.values()].map((group) => wrapNested(multiMatch(group.fields, group.fuzzy), group.nestedPaths) as Body)
  if (!queries.length) return multiMatch(undefined, fuzzy)
  return queries.length === 1 ? queries[0] : { dis_max: { queries } }
}

function sortOf(input: ProviderSearchQuery, order: Record<string, SearchOrderBy> | undefined): Body[] {
  return Object.entries(order ?? {}).map(([path, direction]) => {
    const lower = direction.toLowerCase()
    if (path === "_score") return { _score: { order: lower } }
    const { exactPath, nestedPaths } = resolvePath(input.index.fields, path)
    const nested = nestedPaths.reduceRight<Body | undefined>((inner, nestedPath) => ({ path: nestedPath, ...(inner ? { nested: inner } : {}) }), undefined)
    return { [exactPath]: { order: lower, ...(nested ? { nested } : {}) } }
  })
}

/** `_source` projection: the requested attributes, or everything but the fields declared not retrievable. */
function sourceOf(input: ProviderSearchQuery): Body {
  if (input.attributes_to_retrieve?.length) return { _source: { includes: input.attributes_to_retrieve } }
  const hidden = flattenFields(input.index.fields).filter(({ field }) => field.retrievable === false || field.type === "vector")
  return hidden.length ? { _source: { excludes: hidden.map(({ path }) => path) } } : {}
}

/** OpenSearch's highlighter. `snippet.length` is read as characters (OpenSearch's `fragment_size`). */
export function highlightOf(input: ProviderSearchQuery, highlight: true | SearchHighlightOptions): Body {
  const settings: Partial<SearchHighlightOptions> = highlight === true ? {} : highlight
  const fields = highlight === true ? searchedPaths(input) : highlight.fields
  const snippet = settings.snippet
  const perField = snippet ? { fragment_size: typeof snippet === "object" ? snippet.length : 100, number_of_fragments: 1 } : { number_of_fragments: 0 }
  return {
    pre_tags: [settings.pre_tag ?? "<mark>"],
    post_tags: [settings.post_tag ?? "</mark>"],
    fields: Object.fromEntries(fields.map((path) => [path, perField])),
  }
}
