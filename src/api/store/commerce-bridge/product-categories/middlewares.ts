import type { MiddlewareRoute } from "@medusajs/framework/http"
import { exposeCmsContent } from "../../../../strapi-sync/expose-cms-content"
import { storeCategoryListMiddlewares } from "./listing"

/**
 * Medusa's own middlewares of `GET /store/product-categories` (validator, query config, active and
 * non-internal categories only), so the drop-in accepts and rejects exactly what the native route does;
 * plus the `cms_content` fields this store allows on its category routes.
 */
export const storeSearchCategoriesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/commerce-bridge/product-categories",
    method: ["GET"],
    middlewares: [exposeCmsContent, ...storeCategoryListMiddlewares],
  },
]
