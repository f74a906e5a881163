/**
 * The query mix of the latency run, as a storefront posts it to `POST /store/search`: full text, typos, a price
 * range on `prices.eur.min`, `in_stock`, and facets on `categories`. Words come from the catalogue's lists.
 */
import type { SearchFilters } from "@medusajs/framework/types"

export interface StoreQuery {
  label: string
  body: {
    entity: string
    filters?: Record<string, unknown>
    pagination?: { take?: number; skip?: number }
    search_options?: Record<string, unknown>
  }
}

const PRICE_BANDS = [{ to: 50 }, { from: 50, to: 150 }, { from: 150 }]

export function storeQueries(entity: string): StoreQuery[] {
  const query = (label: string, filters: Record<string, unknown>, search_options?: Record<string, unknown>): StoreQuery => ({
    label,
    body: { entity, filters, pagination: { take: 20 }, ...(search_options ? { search_options } : {}) },
  })
  return [
    query("text", { q: "linen shirt" }),
    query("text", { q: "wool sweater" }),
    query("text", { q: "waterproof parka" }),
    query("typo", { q: "jakcet" }),
    query("typo", { q: "sweatr" }),
    query("typo", { q: "cashmire scarf" }),
    query("price range", { q: "shirt", "prices.eur.min": { $gte: 20, $lt: 60 } }),
    query("price range", { "prices.eur.min": { $gte: 100, $lte: 150 } }),
    query("in stock", { q: "cotton", in_stock: true }),
    query("in stock", { q: "boots", in_stock: true, "prices.eur.min": { $lt: 80 } }),
    query("facets", { q: "denim" }, { facets: ["categories"] }),
    query("facets", { in_stock: true }, { facets: ["categories", { field: "prices.eur.min", type: "range", ranges: PRICE_BANDS }] }),
  ]
}

/**
 * What `POST /store/search` makes of a query's filters for a product index: published products of the key's
 * sales channels, ANDed with the query's own filters, `q` hoisted (see the route's `mergeSearchFilters`).
 * The provider and in-process paths ask the engine exactly this.
 */
export function scopedFilters(filters: Record<string, unknown> = {}, salesChannelIds: string[]): SearchFilters {
  const { q, ...rest } = filters
  const scope = { status: "published", sales_channel_ids: salesChannelIds }
  return {
    ...(q !== undefined ? { q } : {}),
    ...(Object.keys(rest).length ? { $and: [scope, rest] } : scope),
  } as SearchFilters
}
