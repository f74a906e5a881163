import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { UpdateIntegrationSchema } from "./admin/commerce-bridge/integrations/validators"
import { TestMessageSchema } from "./admin/commerce-bridge/deliveries/validators"
import {
  EstimateBulkRunSchema,
  GenerateEngagementSchema,
  StartBulkRunSchema,
} from "./admin/commerce-bridge/engagements/validators"
import { DeadLetterActionSchema } from "./admin/commerce-bridge/queues/validators"
import { ReindexProductSchema } from "./admin/commerce-bridge/search/validators"
import { queueLinkedProducts } from "./admin/search-sync/queue-linked-products"
import { exposeKeptIndexes } from "./store/expose-kept-indexes"
import { storeSearchProductsMiddlewares } from "./store/commerce-bridge/products/middlewares"
import { storeSearchCategoriesMiddlewares } from "./store/commerce-bridge/product-categories/middlewares"
import { exposeCmsContent } from "../strapi-sync/expose-cms-content"
import { SyncProductSchema } from "./admin/commerce-bridge/strapi/validators"
import { CatalogueSyncSchema, StrapiContentSchema, StrapiContentWithdrawalSchema } from "./webhooks/strapi/validators"
import { parseStrapiBody } from "./webhooks/strapi/parse-body"
import { verifyStrapiSignature } from "./webhooks/strapi/verify-signature"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/search",
      method: ["POST"],
      middlewares: [exposeKeptIndexes],
    },
    ...storeSearchProductsMiddlewares,
    ...storeSearchCategoriesMiddlewares,
    {
      matcher: "/admin/collections/:id/products",
      method: ["POST"],
      middlewares: [queueLinkedProducts],
    },
    {
      matcher: "/admin/product-categories/:id/products",
      method: ["POST"],
      middlewares: [queueLinkedProducts],
    },
    {
      matcher: "/admin/commerce-bridge/integrations/:name",
      method: ["POST"],
      middlewares: [validateAndTransformBody(UpdateIntegrationSchema)],
    },
    {
      matcher: "/admin/commerce-bridge/integrations/:name/test-message",
      method: ["POST"],
      middlewares: [validateAndTransformBody(TestMessageSchema)],
    },
    {
      matcher: "/admin/commerce-bridge/queues/:queue/dead-letters/:action",
      method: ["POST"],
      middlewares: [validateAndTransformBody(DeadLetterActionSchema)],
    },
    {
      matcher: "/admin/commerce-bridge/search/products/:id/reindex",
      method: ["POST"],
      middlewares: [validateAndTransformBody(ReindexProductSchema)],
    },
    {
      matcher: "/admin/commerce-bridge/engagements",
      method: ["POST"],
      middlewares: [validateAndTransformBody(GenerateEngagementSchema)],
    },
    {
      matcher: "/admin/commerce-bridge/engagements/bulk/estimate",
      method: ["POST"],
      middlewares: [validateAndTransformBody(EstimateBulkRunSchema)],
    },
    {
      matcher: "/admin/commerce-bridge/engagements/bulk",
      method: ["POST"],
      middlewares: [validateAndTransformBody(StartBulkRunSchema)],
    },
    ...["/store/products", "/store/products/:id", "/store/product-categories", "/store/product-categories/:id", "/store/collections", "/store/collections/:id"].map(
      (matcher) => ({ matcher, middlewares: [exposeCmsContent] })
    ),
    {
      matcher: "/webhooks/strapi/content",
      method: ["POST"],
      // Strapi signs the exact body: keep it for the signature check.
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyStrapiSignature, parseStrapiBody(StrapiContentSchema)],
    },
    {
      matcher: "/webhooks/strapi/content-withdrawals",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyStrapiSignature, parseStrapiBody(StrapiContentWithdrawalSchema)],
    },
    {
      matcher: "/webhooks/strapi/ping",
      method: ["GET"],
      middlewares: [verifyStrapiSignature],
    },
    {
      matcher: "/webhooks/strapi/catalogue-syncs",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyStrapiSignature, parseStrapiBody(CatalogueSyncSchema)],
    },
    {
      matcher: "/webhooks/strapi/catalogue-syncs/:id",
      method: ["GET"],
      middlewares: [verifyStrapiSignature],
    },
    {
      matcher: "/admin/commerce-bridge/strapi/products/:id/sync",
      method: ["POST"],
      middlewares: [validateAndTransformBody(SyncProductSchema)],
    },
    {
      matcher: "/admin/commerce-bridge/strapi/catalogue-syncs",
      method: ["POST"],
      middlewares: [validateAndTransformBody(CatalogueSyncSchema)],
    },
  ],
})
