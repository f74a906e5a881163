import type { ResolvedSearchIndexDefinition, SearchDocument } from "@medusajs/framework/types"

/** A product-like index definition for provider tests, as the Search Module resolves it. */
export function sampleProductIndex(physicalName: string): ResolvedSearchIndexDefinition {
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "test",
    definition_hash: "test",
    physical_name: physicalName,
    settings: { typo_tolerance: { enabled: true } },
    fields: {
      title: { type: "text", searchable: { weight: 3 }, sortable: true },
      description: { type: "text", searchable: true },
      handle: { type: "keyword", filterable: true },
      status: { type: "keyword", filterable: true, facetable: true },
      categories: { type: "keyword", array: true, filterable: true, facetable: true },
      price: { type: "float", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
      in_stock: { type: "boolean", filterable: true, facetable: true },
      created_at: { type: "date", filterable: true, sortable: true },
      variants: { type: "object", array: true, fields: { sku: { type: "keyword", filterable: true, searchable: true } } },
    },
    seed: async function* () {},
  }
}

const product = (id: string, title: string, price: number, categories: string[], in_stock: boolean, day: number, skus: string[]): SearchDocument => ({
  id,
  title,
  description: `${title} from the demo catalogue`,
  handle: id,
  status: "published",
  categories,
  price,
  in_stock,
  created_at: new Date(Date.UTC(2026, 10, day)).toISOString(),
  variants: skus.map((sku) => ({ sku })),
})

export const SAMPLE_PRODUCTS: SearchDocument[] = [
  product("p1", "Linen shirt", 39.5, ["shirts", "summer"], true, 1, ["LIN-S", "LIN-M"]),
  product("p2", "Flannel shirt", 49, ["shirts", "winter"], true, 2, ["FLA-M"]),
  product("p3", "Wool sweater", 89, ["knitwear", "winter"], false, 3, ["WOOL-L"]),
  product("p4", "Rain jacket", 120, ["jackets"], true, 4, ["RAIN-M"]),
  product("p5", "Denim jacket", 99, ["jackets", "denim"], true, 5, ["DEN-L"]),
  product("p6", "Cotton t-shirt", 19, ["shirts", "summer"], false, 6, ["TEE-S"]),
]
