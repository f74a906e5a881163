import { badRequest, describeJsonKind } from "./errors"
import { validateEmbedders } from "./vectors"

/** Index settings: Meilisearch's defaults, partial updates, resets and the `/settings/<kebab-name>` sub-routes. */

export type Settings = Record<string, unknown> & {
  displayedAttributes: string[]
  searchableAttributes: string[]
  filterableAttributes: (string | { attributePatterns: string[]; features?: unknown })[]
  sortableAttributes: string[]
  rankingRules: string[]
  stopWords: string[]
  synonyms: Record<string, string[]>
  distinctAttribute: string | null
  typoTolerance: {
    enabled: boolean
    minWordSizeForTypos: { oneTypo: number; twoTypos: number }
    disableOnWords: string[]
    disableOnAttributes: string[]
    disableOnNumbers: boolean
  }
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, "alpha" | "count"> }
  pagination: { maxTotalHits: number }
}

export function defaultSettings(): Settings {
  return {
    displayedAttributes: ["*"],
    searchableAttributes: ["*"],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: "byWord",
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "alpha" } },
    pagination: { maxTotalHits: 1000 },
    embedders: {},
    searchCutoffMs: null,
    localizedAttributes: null,
    facetSearch: true,
    prefixSearch: "indexingTime",
  }
}

const SETTING_NAMES = Object.keys(defaultSettings())
/** Settings whose update merges into the current object rather than replacing it. */
const MERGED = new Set(["typoTolerance", "faceting", "pagination", "embedders"])
const EXPECTED_KIND: Record<string, string> = {
  displayedAttributes: "array",
  searchableAttributes: "array",
  filterableAttributes: "array",
  sortableAttributes: "array",
  rankingRules: "array",
  stopWords: "array",
  nonSeparatorTokens: "array",
  separatorTokens: "array",
  dictionary: "array",
  synonyms: "object",
  distinctAttribute: "string",
  typoTolerance: "object",
  faceting: "object",
  pagination: "object",
  embedders: "object",
}
const BUILT_IN_RULES = new Set(["words", "typo", "sort", "proximity", "attribute", "exactness", "attributeRank", "wordPosition"])

/** `typo-tolerance` → `typoTolerance`, for the settings sub-routes. */
export function settingForRoute(segment: string): string | undefined {
  const name = segment.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
  return SETTING_NAMES.includes(name) ? name : undefined
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/** Rejects what Meilisearch rejects synchronously: unknown settings, wrong JSON types, invalid ranking rules. */
export function validateSettingsPatch(patch: unknown): Record<string, unknown> {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
    throw badRequest("bad_request", `Invalid value type: expected an object, but found ${describeJsonKind(patch)}: \`${JSON.stringify(patch)}\``)
  }
  for (const [name, value] of Object.entries(patch)) {
    if (!SETTING_NAMES.includes(name)) {
      throw badRequest("bad_request", `Unknown field \`${name}\`: expected one of ${SETTING_NAMES.map((known) => `\`${known}\``).join(", ")}`)
    }
    validateSetting(name, value)
  }
  return patch as Record<string, unknown>
}

export function validateSetting(name: string, value: unknown) {
  if (value === null) return
  const expected = EXPECTED_KIND[name]
  const kind = Array.isArray(value) ? "array" : typeof value
  if (expected && kind !== expected) {
    const article = expected === "array" || expected === "object" ? "an" : "a"
    throw badRequest(
      `invalid_settings_${snakeCase(name)}`,
      `Invalid value type at \`.${name}\`: expected ${article} ${expected}, but found ${describeJsonKind(value)}: \`${JSON.stringify(value)}\``
    )
  }
  if (name === "embedders") validateEmbedders(value as Record<string, unknown>)
  if (name === "rankingRules") {
    ;(value as unknown[]).forEach((rule, position) => {
      if (typeof rule === "string" && (BUILT_IN_RULES.has(rule) || /^.+:(asc|desc)$/.test(rule))) return
      throw badRequest(
        "invalid_settings_ranking_rules",
        `Invalid value at \`.rankingRules[${position}]\`: \`${String(rule)}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.`
      )
    })
  }
}

/** The settings after an update; `null` resets a setting, object settings merge one level deep. */
export function applySettings(current: Settings, patch: Record<string, unknown>): Settings {
  const defaults = defaultSettings()
  const next = structuredClone(current)
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) next[name] = defaults[name]
    else if (MERGED.has(name)) next[name] = mergeObject(next[name] as Record<string, unknown>, value as Record<string, unknown>, defaults[name])
    else if (name === "sortableAttributes") next[name] = [...new Set(value as string[])].sort()
    else next[name] = structuredClone(value)
  }
  return next
}

function mergeObject(current: Record<string, unknown>, patch: Record<string, unknown>, defaults: unknown): Record<string, unknown> {
  const merged = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    const fallback = (defaults as Record<string, unknown>)[key]
    if (value === null) {
      if (fallback === undefined) delete merged[key]
      else merged[key] = structuredClone(fallback)
    } else if (isPlainObject(value) && isPlainObject(merged[key])) {
      merged[key] = mergeObject(merged[key] as Record<string, unknown>, value, fallback ?? {})
    } else {
      merged[key] = structuredClone(value)
    }
  }
  return merged
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)

/** What a reset of every setting reports in its task details. */
export const resetAllDetails = () => defaultSettings() as Record<string, unknown>
