import { defineSearchIndex } from "@medusajs/framework/utils"
import { categorySearchIndexes } from "../search-indexes/category"

// The dev store's own category index, as a store writes it with the plugin installed:
// `import { categorySearchIndexes } from "@commerce-bridge/medusa/search-indexes/category"`.
// With MEDUSA_FF_TRANSLATION=true, one locale index per locale of COMMERCE_BRIDGE_SEARCH_LOCALES besides
// (`category_de_de`), which `GET /store/commerce-bridge/product-categories?locale=de-DE` searches.
// Not part of the published plugin (tsconfig excludes src/search).
const list = (value: string | undefined) => (value ? value.split(",").map((item) => item.trim()).filter(Boolean) : undefined)

const [category] = categorySearchIndexes({ locales: list(process.env.COMMERCE_BRIDGE_SEARCH_LOCALES), localeIndexes: true }).map((index) =>
  defineSearchIndex(index)
)

export default category
