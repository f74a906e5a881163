import type { MedusaResponse } from "@medusajs/framework/http"
import type { HttpTypes } from "@medusajs/framework/types"
import {
  CategoryListingRequest,
  listCategoriesNatively,
  loadCategoriesInOrder,
  SEARCH_HEADER,
  SEARCH_REASON_HEADER,
  searchCategoryIds,
} from "./listing"

/**
 * A drop-in for `GET /store/product-categories`: same params, same answer, but the search engine (Medusa's
 * Search Module on CommerceBridge's category index, or its locale index for the request's locale) matches,
 * ranks, sorts and pages. The page's categories are then loaded by Medusa's own listing handler, so fields,
 * trees and translations are Medusa's. When the engine is down or cannot answer a param, Medusa lists the
 * categories itself and the `x-commerce-bridge-search` header says `fallback` (the reason in
 * `x-commerce-bridge-search-reason`).
 */
export async function GET(req: CategoryListingRequest, res: MedusaResponse<HttpTypes.StoreProductCategoryListResponse>) {
  const answer = await searchCategoryIds(req)
  if ("fallback" in answer) {
    res.setHeader(SEARCH_HEADER, "fallback")
    res.setHeader(SEARCH_REASON_HEADER, answer.fallback)
    return listCategoriesNatively(req, res)
  }
  const { skip: offset = 0, take: limit = answer.ids.length } = req.queryConfig.pagination ?? {}
  const product_categories = await loadCategoriesInOrder(req, answer.ids)
  res.setHeader(SEARCH_HEADER, "engine")
  res.json({ product_categories, count: answer.count, offset, limit })
}
