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

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/search",
      method: ["POST"],
      middlewares: [exposeKeptIndexes],
    },
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
  ],
})
