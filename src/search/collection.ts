import { defineSearchIndex } from "@medusajs/framework/utils"
import { collectionSearchIndex } from "../search-indexes/collection"

// The dev store's own collection index, as a store writes it with the plugin installed:
// `import { collectionSearchIndex } from "@commerce-bridge/medusa/search-indexes/collection"`.
// Not part of the published plugin (tsconfig excludes src/search).
const list = (value: string | undefined) => (value ? value.split(",").map((item) => item.trim()).filter(Boolean) : undefined)

export default defineSearchIndex(collectionSearchIndex({ locales: list(process.env.COMMERCE_BRIDGE_SEARCH_LOCALES) }))
