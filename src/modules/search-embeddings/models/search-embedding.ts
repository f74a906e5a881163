import { model } from "@medusajs/framework/utils"

/** One text's embedding, keyed by sha256 of (model, dimensions, text): a reindex pays only for new text. */
export const SearchEmbedding = model.define("commerce_bridge_search_embedding", {
  /** The cache key (src/search-embeddings/cache-key.ts). */
  id: model.text().primaryKey(),
  model: model.text(),
  dimensions: model.number(),
  embedding: model.json(),
})
