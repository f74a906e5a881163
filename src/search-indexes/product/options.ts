import type { ProductRow } from "./graph"
import { indexOptionError } from "../shared/errors"
import { resolveSemanticOptions, ResolvedSemanticOptions, SemanticIndexOptions } from "../shared/semantic"
import { BaseIndexOptions, resolveBaseIndexOptions, ResolvedBaseIndexOptions } from "../shared/options"

/** Options of `productSearchIndex()`; `name`, `provider`, `locale`, `fields` and `settings` as documented in shared/options.ts. */
export interface ProductIndexOptions extends BaseIndexOptions<ProductRow> {
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
  /**
   * Hybrid and semantic search: an `embedding` vector field holding the embedding of each product's text
   * (`fields`, default title, subtitle, description and `content.description`), computed through the
   * OpenAI integration's server in batches and cached by content hash. Queried with
   * `search_options.vector: { query, semantic_ratio }`.
   * @defaultValue undefined (keyword search only)
   */
  semantic?: SemanticIndexOptions
}

/** Options of `productSearchIndexes()`: one definition, or one per locale besides. */
export interface ProductIndexesOptions extends Omit<ProductIndexOptions, "locale"> {
  /**
   * Also define one index per locale of `locales` (`product_de_de`, …) whose title, subtitle and
   * description hold that locale's translation, where Medusa's Translation Module is on.
   * @defaultValue false
   */
  localeIndexes?: boolean
}

export type ResolvedProductIndexOptions = ResolvedBaseIndexOptions<ProductRow> & { currencies: string[]; semantic?: ResolvedSemanticOptions }

const CURRENCY = /^[a-z]{3}$/

export function resolveProductIndexOptions(options: ProductIndexOptions = {}): ResolvedProductIndexOptions {
  const currencies = options.currencies ?? ["usd", "eur"]
  if (!Array.isArray(currencies)) throw indexOptionError("product", "currencies must be a list of three-letter currency codes")
  const badCurrency = currencies.find((code) => typeof code !== "string" || !CURRENCY.test(code.toLowerCase()))
  if (badCurrency !== undefined) throw indexOptionError("product", `currencies: "${badCurrency}" is not a three-letter currency code`)
  return {
    ...resolveBaseIndexOptions("product", options),
    currencies: currencies.map((code) => code.toLowerCase()),
    semantic: resolveSemanticOptions("product", options.semantic),
  }
}

export { localeKey } from "../shared/options"
