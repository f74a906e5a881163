import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { UpdateIntegrationSchema } from "./admin/commerce-bridge/integrations/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/commerce-bridge/integrations/:name",
      method: ["POST"],
      middlewares: [validateAndTransformBody(UpdateIntegrationSchema)],
    },
  ],
})
