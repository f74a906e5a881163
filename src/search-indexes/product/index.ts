import type { SearchTypes } from "@medusajs/framework/types"
import { graphConsume, graphSeed } from "@medusajs/framework/utils"
import { PRODUCT_SYNC_EVENT } from "../sync-event"
import { toProductDocument } from "./documents"
import { productIndexFields } from "./fields"
import { PRODUCT_GRAPH_FIELDS, ProductRow } from "./graph"
import { ProductIndexOptions, resolveProductIndexOptions } from "./options"
import { loadProductTranslations } from "./translations"

/**
 * The product index definition, for a store's own `src/search/product.ts`:
 *
 * ```ts
 * import { defineSearchIndex } from "@medusajs/framework/utils"
 * import { productSearchIndex } from "@commerce-bridge/medusa/search-indexes/product"
 *
 * export default defineSearchIndex(productSearchIndex({ currencies: ["eur", "usd"] }))
 * ```
 *
 * The plugin ships no `search/` folder of its own, so a store that already defines `product` keeps
 * booting. Changes reach the index through CommerceBridge's search-sync queue (see sync-event.ts).
 */
export function productSearchIndex(options: ProductIndexOptions = {}) {
  const resolved = resolveProductIndexOptions(options)
  const transform = async (rows: ProductRow[], context: SearchTypes.SearchIngestionContext) => {
    const translations = await loadProductTranslations(
      rows.map((row) => row.id),
      resolved.locales,
      context
    )
    const now = new Date()
    return rows.map((row) => toProductDocument(row, resolved, translations.get(row.id), now)) as any[]
  }
  const source = { entity: "product", fields: PRODUCT_GRAPH_FIELDS, transform }
  return {
    name: resolved.name,
    entity: "product",
    ...(resolved.provider ? { provider: resolved.provider } : {}),
    ...(resolved.settings ? { settings: resolved.settings } : {}),
    fields: productIndexFields(resolved),
    events: [PRODUCT_SYNC_EVENT],
    consume: graphConsume<any, ProductRow>({
      ...source,
      resolve_ids: (event) => (event.data as { ids?: string[] }).ids ?? [],
      is_delete: () => false,
    }),
    seed: graphSeed<any, ProductRow>(source),
  }
}

export { PRODUCT_GRAPH_FIELDS } from "./graph"
export { resolveProductIndexOptions } from "./options"
export type { ProductIndexOptions } from "./options"
