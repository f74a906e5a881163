import type { MedusaNextFunction, MedusaResponse, MiddlewareFunction } from "@medusajs/framework/http"
import type { HttpTypes } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import { storeProductRoutesMiddlewares } from "@medusajs/medusa/api/store/products/middlewares"
import { GET as listStoreProducts } from "@medusajs/medusa/api/store/products/route"
import { isPriceOrder } from "./engine-query"
import type { ProductListingRequest } from "./types"

/**
 * Medusa's own handling of `GET /store/products`: its middlewares (validation, sales channels from the
 * publishable key, published status, pricing and tax context) and its handler (query, inventory
 * quantities, tax-inclusive prices). The drop-in route runs them unchanged, so what a product looks like
 * in its answer is decided by Medusa alone.
 */
const nativeListRoute = storeProductRoutesMiddlewares.find(
  (route) => route.matcher === "/store/products" && [route.method ?? route.methods ?? []].flat().includes("GET")
)
if (!nativeListRoute?.middlewares?.length) {
  throw new Error("CommerceBridge: Medusa's GET /store/products middlewares were not found; this Medusa version is not supported")
}
const nativeMiddlewares: MiddlewareFunction[] = nativeListRoute.middlewares

// Narrows the listing to the key's sales channels by loading the id of every product in them. The engine
// scopes by channel itself, so this runs only when Medusa lists the products; if a later Medusa renames
// it, it simply stays in the chain (correct, only slower).
const channelLinkFilter = nativeMiddlewares.find((middleware) => middleware.name === "applyMaybeLinkFilterIfNecessary")

/** The middlewares of Medusa's `GET /store/products`, less its sales-channel link filter. */
export const storeProductListMiddlewares: MiddlewareFunction[] = nativeMiddlewares.filter((middleware) => middleware !== channelLinkFilter)

const runMiddleware = (middleware: MiddlewareFunction, req: ProductListingRequest, res: MedusaResponse<any>) =>
  new Promise<void>((resolve, reject) => {
    const next: MedusaNextFunction = (error?: unknown) => (error ? reject(error) : resolve())
    Promise.resolve(middleware(req, res, next)).catch(reject)
  })

/**
 * Answers the request exactly as Medusa's `GET /store/products` does: same filters, order and page. An
 * order by `variants.calculated_price`, which only the engine can sort by (Medusa's query fails on it),
 * is dropped: the products come in Medusa's default order.
 */
export async function listProductsNatively(req: ProductListingRequest, res: MedusaResponse<HttpTypes.StoreProductListResponse>) {
  if (isPriceOrder(req.validatedQuery.order) && req.queryConfig.pagination) {
    req.queryConfig = { ...req.queryConfig, pagination: { ...req.queryConfig.pagination, order: undefined } }
  }
  if (channelLinkFilter) await runMiddleware(channelLinkFilter, req, res)
  await listStoreProducts(req as any, res)
}

/**
 * Loads the products with these ids through Medusa's own listing handler (same fields, calculated prices,
 * taxes and inventory quantities as `GET /store/products`), in the order of `ids`. A product that is gone
 * or no longer published since the engine indexed it is left out.
 */
export async function loadProductsInOrder(req: ProductListingRequest, ids: string[]): Promise<HttpTypes.StoreProduct[]> {
  if (!ids.length) return []
  req.filterableFields = { id: ids, status: ProductStatus.PUBLISHED }
  req.queryConfig = { ...req.queryConfig, pagination: { skip: 0, take: ids.length } }
  // Products are matched back to the engine's ids. Query returns the id whatever `fields` says; asked anyway.
  if (!req.queryConfig.fields.includes("id")) req.queryConfig.fields = [...req.queryConfig.fields, "id"]

  let listed: HttpTypes.StoreProduct[] = []
  // The handler only calls `res.json`; its answer is kept here and reordered.
  const capture = { json: (body: HttpTypes.StoreProductListResponse) => void (listed = body.products) }
  await listStoreProducts(req as any, capture as unknown as MedusaResponse<HttpTypes.StoreProductListResponse>)

  const byId = new Map(listed.map((product) => [product.id, product]))
  return ids
    .map((id) => byId.get(id))
    .filter((product): product is HttpTypes.StoreProduct => product !== undefined)
}
