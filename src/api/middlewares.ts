import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { UpdateIntegrationSchema } from "./admin/commerce-bridge/integrations/validators"
import { TestMessageSchema } from "./admin/commerce-bridge/deliveries/validators"
import { DeadLetterActionSchema } from "./admin/commerce-bridge/queues/validators"
import { exposeKeptIndexes } from "./store/expose-kept-indexes"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/search",
      method: ["POST"],
      middlewares: [exposeKeptIndexes],
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
  ],
})
