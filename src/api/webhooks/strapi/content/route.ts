import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STRAPI_MODULE } from "../../../../modules/strapi"
import type StrapiModuleService from "../../../../modules/strapi/service"
import { assertCatalogueEntry } from "../../../../strapi-sync/documents"
import { requireSyncActive } from "../../../../strapi-sync/http"
import { queueContentReindex } from "../../../../strapi-sync/search-reindex"
import type { StrapiContentBody } from "../validators"
import { toReceivedContent } from "./received"

/** Strapi's published content of a product, category or collection: stored unless its hash is the one held. */
export async function POST(req: MedusaRequest<StrapiContentBody>, res: MedusaResponse) {
  if (!(await requireSyncActive(req.scope, res))) return
  const body = req.validatedBody
  await assertCatalogueEntry(req.scope, body.entity, body.medusa_id)
  const { stored } = await req.scope.resolve<StrapiModuleService>(STRAPI_MODULE).storeReceivedContent(toReceivedContent(body))
  if (stored) await queueContentReindex(req.scope, body.entity, body.medusa_id)
  res.json({ stored, medusa_id: body.medusa_id })
}
