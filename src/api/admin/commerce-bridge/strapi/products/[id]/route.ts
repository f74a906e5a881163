import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOrThrow } from "../../../../../../lib/validation"
import { STRAPI_MODULE } from "../../../../../../modules/strapi"
import type StrapiModuleService from "../../../../../../modules/strapi/service"
import { isSyncActive, readStrapiIntegration } from "../../../../../../strapi-sync/connection"
import { assertCatalogueEntry } from "../../../../../../strapi-sync/documents"
import { ProductParamsSchema } from "../../validators"
import { productCmsView } from "../../view"

/** The product's Strapi entry: its content, where to edit it, and when it was last pushed and received. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { id } = parseOrThrow(ProductParamsSchema, req.params, "path")
  await assertCatalogueEntry(req.scope, "product", id)
  const [row, integration] = await Promise.all([
    req.scope.resolve<StrapiModuleService>(STRAPI_MODULE).contentOf("product", id),
    readStrapiIntegration(req.scope),
  ])
  res.json(productCmsView(row, integration.config.url, isSyncActive(integration)))
}
