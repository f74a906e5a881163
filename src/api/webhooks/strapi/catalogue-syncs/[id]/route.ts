import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STRAPI_MODULE } from "../../../../../modules/strapi"
import type StrapiModuleService from "../../../../../modules/strapi/service"
import { runView } from "../../../../../strapi-sync/http"

/** A catalogue sync's progress. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const run = await req.scope.resolve<StrapiModuleService>(STRAPI_MODULE).retrieveRun(req.params.id)
  res.json({ run: runView(run) })
}
