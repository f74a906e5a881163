import type { MiddlewareRoute } from "@medusajs/framework/http"
import { exposeCmsContent } from "../../../../strapi-sync/expose-cms-content"
import { storeProductListMiddlewares, takeSemanticRatio } from "../../../../search-routes/product-listing"

/**
 * Medusa's own middlewares of `GET /store/products` (validator, query config, sales channels, pricing and
 * tax context), so the drop-in accepts and rejects exactly what the native route does; plus the
 * `cms_content` fields this store allows on its product routes, and the drop-in's own `semantic_ratio`.
 */
export const storeSearchProductsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/commerce-bridge/products",
    method: ["GET"],
    middlewares: [takeSemanticRatio, exposeCmsContent, ...storeProductListMiddlewares],
  },
]
