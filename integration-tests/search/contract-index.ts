import type { SearchDocument, SearchIndexDefinition } from "@medusajs/framework/types"
import { SAMPLE_PRODUCTS, sampleProductIndex } from "../__fixtures__/search-products"

/** The name every case queries (`entity`); the module derives the physical name `product_v<n>`. */
export const INDEX = "product"

/** German titles in separate words, so every engine can match "Hemd" without a decompounder. */
const GERMAN: Record<string, string> = {
  p1: "Hemd aus Leinen",
  p2: "Hemd aus Flanell",
  p3: "Pullover aus Wolle",
  p4: "Regenjacke",
  p5: "Jeansjacke",
  p6: "Unterhemd aus Baumwolle",
}

/** Components of the `embedding` field: the fixture embedder's vectors (integration-tests/__fixtures__/openai/embeddings.ts). */
export const EMBEDDING_DIMENSIONS = 64

/**
 * The sample catalogue, each product with a per-locale title under `translations.de.title` and its title as
 * the text of the `embed` field `embedding`, which the engine embeds when it writes the document.
 */
export const contractDocuments = (): SearchDocument[] =>
  SAMPLE_PRODUCTS.map((product) => ({ ...product, translations: { de: { title: GERMAN[product.id] } }, embedding: String(product.title) }))

/** What the index's `seed` yields; each test resets it, and a case may change it before a reindex. */
export const catalogue: { documents: SearchDocument[] } = { documents: [] }

/**
 * The sample product definition as a store would declare it: the primary key declared as a field, a
 * per-locale title, an embedded vector field, no provider named (the module's only provider serves it). `seed` streams the
 * catalogue like a store's seed streams products; the catch-up pass after it finds nothing changed.
 */
export function contractIndex(): SearchIndexDefinition {
  const { fields, settings } = sampleProductIndex("unused")
  return {
    name: INDEX,
    entity: "product",
    settings,
    fields: {
      id: { type: "keyword", filterable: true },
      ...fields,
      translations: {
        type: "object",
        fields: { de: { type: "object", fields: { title: { type: "text", searchable: true } } } },
      },
      embedding: { type: "vector", dimensions: EMBEDDING_DIMENSIONS, embed: true },
    },
    seed: async function* ({ catchup }) {
      if (!catchup) yield [{ action: "upsert", documents: catalogue.documents }]
    },
  }
}
