import { defineSearchIndex } from "@medusajs/framework/utils"
import { productSearchIndex } from "../search-indexes/product"

// The dev store's own product index, as a store writes it with the plugin installed:
// `import { productSearchIndex } from "@commerce-bridge/medusa/search-indexes/product"`.
// Not part of the published plugin (tsconfig excludes src/search).
export default defineSearchIndex(
  productSearchIndex({
    currencies: (process.env.COMMERCE_BRIDGE_SEARCH_CURRENCIES || "usd,eur").split(",").map((code) => code.trim()),
  })
)
