import { defineSearchIndex } from "@medusajs/framework/utils"
import { productSearchIndex } from "../search-indexes/product"

// The dev store's own product index, as a store writes it with the plugin installed:
// `import { productSearchIndex } from "@commerce-bridge/medusa/search-indexes/product"`.
// Not part of the published plugin (tsconfig excludes src/search).
const list = (value: string | undefined) => (value ? value.split(",").map((item) => item.trim()).filter(Boolean) : undefined)

// With COMMERCE_BRIDGE_SEARCH_SEMANTIC_DIMENSIONS set, the index also holds each product's embedding (hybrid search).
const semanticDimensions = Number(process.env.COMMERCE_BRIDGE_SEARCH_SEMANTIC_DIMENSIONS) || undefined

export default defineSearchIndex(
  productSearchIndex({
    currencies: list(process.env.COMMERCE_BRIDGE_SEARCH_CURRENCIES),
    locales: list(process.env.COMMERCE_BRIDGE_SEARCH_LOCALES),
    ...(semanticDimensions ? { semantic: { dimensions: semanticDimensions, model: process.env.COMMERCE_BRIDGE_SEARCH_SEMANTIC_MODEL || undefined } } : {}),
  })
)
