import type { SearchIndexSettings } from "@medusajs/framework/types"
import { indexOptionError } from "./errors"
import { IndexFieldsOption, validateFieldsOption } from "./fields-option"

/** Options every CommerceBridge index factory takes. */
export interface BaseIndexOptions<Row> {
  /**
   * The index's name, which `query.search({ entity })` resolves. A locale index defaults to the
   * entity's name with the locale's key: `product_de_de`.
   * @defaultValue the entity: "product", "category" or "collection"
   */
  name?: string
  /** The Search Module provider id backing the index; the module's default provider when unset. */
  provider?: string
  /**
   * Locales whose translated text the documents hold beside the base text, as
   * `translations.<locale>.*` (`"de-DE"` → `translations.de_de`), from Medusa's Translation Module.
   * @defaultValue []
   */
  locales?: string[]
  /**
   * Makes this a locale index: its text fields (`title`, `name`, `description`…) hold this locale's
   * translation, or the base text where the entity has none. Filtering, facets and sorting stay the same.
   */
  locale?: string
  /** Fields added to CommerceBridge's (`add`), or a field set of the store's own (`replace`). */
  fields?: IndexFieldsOption<Row>
  /** Index settings (typo tolerance, distinct attribute, engine-specific options). */
  settings?: SearchIndexSettings
}

export interface ResolvedBaseIndexOptions<Row> {
  name: string
  provider?: string
  locales: string[]
  locale?: string
  fields?: IndexFieldsOption<Row>
  settings?: SearchIndexSettings
}

const LOCALE = /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i
const NAME = /^[a-z][a-z0-9_]*$/

/** `de-DE` → `de_de`: a locale as a field or index name every engine accepts. */
export const localeKey = (locale: string) => locale.toLowerCase().replace(/-/g, "_")

/** The name of the locale index of `base`: `product` + `de-DE` → `product_de_de`. */
export const localeIndexName = (base: string, locale: string) => `${base}_${localeKey(locale)}`

/** Resolves and checks the options every factory shares, naming the first bad one. */
export function resolveBaseIndexOptions<Row>(kind: string, options: BaseIndexOptions<Row>): ResolvedBaseIndexOptions<Row> {
  const invalid = (message: string) => indexOptionError(kind, message)
  const locales = options.locales ?? []
  if (!Array.isArray(locales)) throw invalid("locales must be a list of locale codes")
  const badLocale = locales.find((locale) => typeof locale !== "string" || !LOCALE.test(locale))
  if (badLocale !== undefined) throw invalid(`locales: "${badLocale}" is not a locale code`)
  if (options.locale !== undefined && (typeof options.locale !== "string" || !LOCALE.test(options.locale))) {
    throw invalid(`locale: "${options.locale}" is not a locale code`)
  }
  const name = options.name ?? (options.locale ? localeIndexName(kind, options.locale) : kind)
  if (typeof name !== "string" || !NAME.test(name)) throw invalid(`name: "${name}" must be lowercase letters, digits and underscores`)
  if (options.provider !== undefined && (typeof options.provider !== "string" || !options.provider)) {
    throw invalid("provider must be a provider id, e.g. commerce-bridge-meilisearch")
  }
  if (options.settings !== undefined && (typeof options.settings !== "object" || options.settings === null)) {
    throw invalid("settings must be an object of index settings")
  }
  validateFieldsOption(kind, options.fields)
  return { name, provider: options.provider, locales, locale: options.locale, fields: options.fields, settings: options.settings }
}
