export { searchProductIds, listingIndex } from "./engine-search"
export { buildEngineQuery, isPriceOrder, PRICE_ORDER } from "./engine-query"
export { listProductsNatively, loadProductsInOrder, storeProductListMiddlewares } from "./native-listing"
export type { EngineAnswer, FallbackReason, ProductListingRequest } from "./types"

/** Whether the engine answered the listing (`engine`) or Medusa listed the products itself (`fallback`). */
export const SEARCH_HEADER = "x-commerce-bridge-search"
/** Why Medusa listed the products: a {@link FallbackReason}. */
export const SEARCH_REASON_HEADER = "x-commerce-bridge-search-reason"
