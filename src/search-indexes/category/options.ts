import { BaseIndexOptions, resolveBaseIndexOptions, ResolvedBaseIndexOptions } from "../shared/options"
import type { CategoryRow } from "./graph"

/**
 * Options of `categorySearchIndex()`: `name` (default "category"), `provider`, `locales` (translated
 * name and description as `translations.<locale>.*`), `locale`, `fields` and `settings`, as
 * documented in shared/options.ts.
 */
export type CategoryIndexOptions = BaseIndexOptions<CategoryRow>

/** Options of `categorySearchIndexes()`: one definition, or one per locale besides. */
export interface CategoryIndexesOptions extends Omit<CategoryIndexOptions, "locale"> {
  /**
   * Also define one index per locale of `locales` (`category_de_de`, …) whose name, description and
   * ancestor names hold that locale's translation, where Medusa's Translation Module is on.
   * @defaultValue false
   */
  localeIndexes?: boolean
}

export type ResolvedCategoryIndexOptions = ResolvedBaseIndexOptions<CategoryRow>

export const resolveCategoryIndexOptions = (options: CategoryIndexOptions = {}): ResolvedCategoryIndexOptions =>
  resolveBaseIndexOptions("category", options)
