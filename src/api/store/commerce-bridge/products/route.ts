import type { MedusaResponse } from "@medusajs/framework/http"
import type { HttpTypes } from "@medusajs/framework/types"
import {
  listProductsNatively,
  loadProductsInOrder,
  ProductListingRequest,
  SEARCH_HEADER,
  SEARCH_REASON_HEADER,
  searchProductIds,
} from "../../../../search-routes/product-listing"

/** What the semantic half of a `semantic_ratio` listing did: `hybrid`, or `unavailable` (answered by keywords). */
const SEMANTIC_HEADER = "x-commerce-bridge-semantic"

/**
 * A drop-in for `GET /store/products`: same params, same answer, but the search engine (Medusa's Search
 * Module on CommerceBridge's product index) matches, ranks, sorts and pages. The page's products are then
 * loaded by Medusa's own listing handler, so prices, taxes and inventory quantities are Medusa's. When the
 * engine is down or cannot answer a param, Medusa lists the products itself and the
 * `x-commerce-bridge-search` header says `fallback` (with the reason in `x-commerce-bridge-search-reason`).
 * `semantic_ratio` (0…1) also searches `q` by meaning, on an index with embeddings.
 */
export async function GET(req: ProductListingRequest, res: MedusaResponse<HttpTypes.StoreProductListResponse>) {
  const answer = await searchProductIds(req)
  if ("fallback" in answer) {
    res.setHeader(SEARCH_HEADER, "fallback")
    res.setHeader(SEARCH_REASON_HEADER, answer.fallback)
    return listProductsNatively(req, res)
  }
  const { skip: offset = 0, take: limit = answer.ids.length } = req.queryConfig.pagination ?? {}
  const products = await loadProductsInOrder(req, answer.ids)
  res.setHeader(SEARCH_HEADER, "engine")
  if (answer.semantic) res.setHeader(SEMANTIC_HEADER, answer.semantic)
  res.json({ products, count: answer.count, offset, limit })
}
