import { BaseIndexOptions, resolveBaseIndexOptions, ResolvedBaseIndexOptions } from "../shared/options"
import type { CollectionRow } from "./graph"

/**
 * Options of `collectionSearchIndex()`: `name` (default "collection"), `provider`, `locales`
 * (translated title as `translations.<locale>.title`), `locale`, `fields` and `settings`, as
 * documented in shared/options.ts.
 */
export type CollectionIndexOptions = BaseIndexOptions<CollectionRow>

/** Options of `collectionSearchIndexes()`: one definition, or one per locale besides. */
export interface CollectionIndexesOptions extends Omit<CollectionIndexOptions, "locale"> {
  /**
   * Also define one index per locale of `locales` (`collection_de_de`, …) whose title holds that
   * locale's translation, where Medusa's Translation Module is on.
   * @defaultValue false
   */
  localeIndexes?: boolean
}

export type ResolvedCollectionIndexOptions = ResolvedBaseIndexOptions<CollectionRow>

export const resolveCollectionIndexOptions = (options: CollectionIndexOptions = {}): ResolvedCollectionIndexOptions =>
  resolveBaseIndexOptions("collection", options)
