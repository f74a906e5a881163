import type { SearchIndexSettings } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/** Options of `productSearchIndex()`. */
export interface ProductIndexOptions {
  /**
   * The index's name, which `/store/search` and `query.search({ entity })` resolve.
   * @defaultValue "product"
   */
  name?: string
  /**
   * The Search Module provider id backing the index; the module's default provider when unset.
   */
  provider?: string
  /**
   * Currencies whose lowest and highest variant price the index holds, as `prices.<code>.min` / `.max`.
   * @defaultValue ["usd", "eur"]
   */
  currencies?: string[]
  /**
   * Locales whose translated title, subtitle and description the index holds, as
   * `translations.<locale>.*` (e.g. `"de-DE"` → `translations.de_de`), read from Medusa's
   * Translation Module where it is installed.
   * @defaultValue []
   */
  locales?: string[]
  /** Index settings (typo tolerance, distinct attribute, engine-specific options). */
  settings?: SearchIndexSettings
}

export type ResolvedProductIndexOptions = Required<Omit<ProductIndexOptions, "provider" | "settings">> &
  Pick<ProductIndexOptions, "provider" | "settings">

const CURRENCY = /^[a-z]{3}$/
const LOCALE = /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i

export function resolveProductIndexOptions(options: ProductIndexOptions = {}): ResolvedProductIndexOptions {
  const resolved = {
    name: options.name ?? "product",
    provider: options.provider,
    currencies: (options.currencies ?? ["usd", "eur"]).map((code) => code.toLowerCase()),
    locales: options.locales ?? [],
    settings: options.settings,
  }
  const badCurrency = resolved.currencies.find((code) => !CURRENCY.test(code))
  if (badCurrency !== undefined) throw invalid(`currencies: "${badCurrency}" is not a three-letter currency code`)
  const badLocale = resolved.locales.find((locale) => !LOCALE.test(locale))
  if (badLocale !== undefined) throw invalid(`locales: "${badLocale}" is not a locale code`)
  if (!/^[a-z][a-z0-9_]*$/.test(resolved.name)) throw invalid(`name: "${resolved.name}" must be lowercase letters, digits and underscores`)
  return resolved
}

/** `de-DE` → `de_de`: a locale as a field name every engine accepts. */
export const localeKey = (locale: string) => locale.toLowerCase().replace(/-/g, "_")

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `CommerceBridge product search index: ${message}`)
