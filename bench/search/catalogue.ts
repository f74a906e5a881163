/**
 * A generated product catalogue: `ProductRow`s as `query.graph` returns them, turned into documents by the
 * product index's own `toProductDocument`. Seeded, so every run and every engine gets the same products.
 */
import type { SearchDocument } from "@medusajs/framework/types"
import { toProductDocument } from "../../src/search-indexes/product/documents"
import type { ProductRow, VariantRow } from "../../src/search-indexes/product/graph"
import { resolveProductIndexOptions } from "../../src/search-indexes/product/options"

export const CURRENCIES = ["usd", "eur"]
const OPTIONS = resolveProductIndexOptions({ currencies: CURRENCIES })
/** Fixed, so documents (and their JSON size) do not depend on when the run happens. */
const NOW = new Date("2026-11-20T12:00:00Z")

export const ADJECTIVES = [
  "classic", "slim", "relaxed", "vintage", "organic", "lightweight", "heavy", "cropped", "oversized", "tailored",
  "soft", "rugged", "everyday", "premium", "recycled", "waterproof", "breathable", "stretch", "quilted", "washed",
  "brushed", "ribbed", "striped", "checked", "plain", "faded", "padded", "insulated", "technical", "casual",
]
export const MATERIALS = [
  "linen", "cotton", "wool", "merino", "cashmere", "denim", "leather", "suede", "flannel", "corduroy",
  "canvas", "silk", "hemp", "fleece", "nylon", "jersey", "twill", "velvet", "tweed", "bamboo",
]
export const NOUNS = [
  "shirt", "sweater", "jacket", "coat", "trousers", "jeans", "shorts", "dress", "skirt", "hoodie",
  "cardigan", "vest", "blazer", "parka", "scarf", "beanie", "socks", "sneakers", "boots", "belt",
  "backpack", "tote", "gloves", "polo", "tee",
]
export const CATEGORIES = [
  "Shirts", "Knitwear", "Jackets", "Coats", "Trousers", "Denim", "Shorts", "Dresses", "Skirts", "Sweatshirts",
  "Accessories", "Footwear", "Bags", "Outdoor", "Loungewear", "Workwear", "Sportswear", "Sale", "New In", "Essentials",
]
const TAGS = ["summer", "winter", "spring", "autumn", "bestseller", "eco", "limited", "gift", "unisex", "kids", "travel", "office"]
const TYPES = ["Apparel", "Footwear", "Accessory", "Outerwear", "Bag"]
const COLLECTIONS = ["Core", "Heritage", "Trail", "City", "Resort", "Studio", "Atelier", "Coastal"]
const COLORS = ["black", "white", "navy", "olive", "sand", "grey", "rust", "forest", "cream", "indigo"]
const SIZES = ["S", "M", "L"]
const FILLER = ["made", "for", "long", "days", "with", "a", "comfortable", "fit", "and", "durable", "seams", "easy", "care", "from", "responsibly", "sourced", "fibres"]

/** mulberry32: small, fast, good enough to spread products over word lists. */
export function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (max: number) => Math.floor(next() * max)
  const pick = <T>(list: readonly T[]) => list[int(list.length)]
  const some = <T>(list: readonly T[], count: number) => [...new Set(Array.from({ length: count }, () => pick(list)))]
  return { next, int, pick, some }
}

const idOf = (prefix: string, n: number) => `${prefix}_bench${String(n).padStart(7, "0")}`
const named = (prefix: string, list: string[]) => list.map((name, i) => ({ id: idOf(prefix, i), name }))
const CATEGORY_ROWS = named("pcat", CATEGORIES)
const TAG_ROWS = TAGS.map((value, i) => ({ id: idOf("ptag", i), value }))
const TYPE_ROWS = TYPES.map((value, i) => ({ id: idOf("ptyp", i), value }))
const COLLECTION_ROWS = COLLECTIONS.map((title, i) => ({ id: idOf("pcol", i), title }))

/** Product `n` of the catalogue, as `query.graph` would return it with the index's `PRODUCT_GRAPH_FIELDS`. */
export function productRow(n: number, salesChannelId: string): ProductRow {
  const random = prng(0x5eed + n * 7919)
  const adjective = random.pick(ADJECTIVES)
  const material = random.pick(MATERIALS)
  const noun = random.pick(NOUNS)
  const title = `${cap(adjective)} ${material} ${noun}`
  const base = 5 + random.int(29500) / 100
  const soldOut = random.next() < 0.15
  const color = random.pick(COLORS)
  const sku = `${material.slice(0, 3)}${noun.slice(0, 3)}-${n}`.toUpperCase()
  const variants: VariantRow[] = SIZES.map((size, v) => {
    const usd = Math.round(base * (1 + v * 0.05) * 100) / 100
    return {
      id: idOf(`variant_${v}`, n),
      sku: `${sku}-${size}`,
      title: `${size} / ${color}`,
      manage_inventory: true,
      allow_backorder: false,
      options: [{ value: size }, { value: color }],
      prices: [
        { amount: usd, currency_code: "usd", price_list_id: null },
        { amount: Math.round(usd * 92) / 100, currency_code: "eur", price_list_id: null },
      ],
      inventory_items: [
        {
          required_quantity: 1,
          inventory: {
            location_levels: [
              { stocked_quantity: soldOut ? 0 : random.int(40), reserved_quantity: 0 },
              { stocked_quantity: soldOut ? 0 : random.int(10), reserved_quantity: 0 },
            ],
          },
        },
      ],
    }
  })
  const created = new Date(Date.UTC(2024, 0, 1) + random.int(900) * 86_400_000)
  return {
    id: idOf("prod", n),
    title,
    subtitle: `${cap(color)} ${material}`,
    handle: `${adjective}-${material}-${noun}-${n}`,
    description: `A ${adjective} ${noun} in ${color} ${material}, ${Array.from({ length: 12 }, () => random.pick(FILLER)).join(" ")}.`,
    // A few drafts, so the store route's "published only" narrowing has something to drop.
    status: random.next() < 0.03 ? "draft" : "published",
    thumbnail: `https://cdn.example.com/products/${idOf("prod", n)}.jpg`,
    created_at: created,
    updated_at: created,
    tags: random.some(TAG_ROWS, 1 + random.int(3)),
    type: random.pick(TYPE_ROWS),
    collection: random.pick(COLLECTION_ROWS),
    categories: random.some(CATEGORY_ROWS, 1 + random.int(2)),
    sales_channels: [{ id: salesChannelId }],
    variants,
  }
}

export const productDocument = (n: number, salesChannelId: string): SearchDocument =>
  toProductDocument(productRow(n, salesChannelId), OPTIONS, {}, NOW)

/** Documents `from` … `from + count - 1`. */
export const productDocuments = (from: number, count: number, salesChannelId: string): SearchDocument[] =>
  Array.from({ length: count }, (_, i) => productDocument(from + i, salesChannelId))

function cap(word: string) {
  return word[0].toUpperCase() + word.slice(1)
}
