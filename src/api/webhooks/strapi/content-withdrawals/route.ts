import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STRAPI_MODULE } from "../../../../modules/strapi"
import type StrapiModuleService from "../../../../modules/strapi/service"
import { assertCatalogueEntry } from "../../../../strapi-sync/documents"
import { requireSyncActive } from "../../../../strapi-sync/http"
import { queueContentReindex } from "../../../../strapi-sync/search-reindex"
import type { StrapiContentWithdrawalBody } from "../validators"

/**
 * An editor unpublished or deleted a product, category or collection entry in Strapi: its content is no
 * longer served, and search documents are rewritten without it. `removed: false` when none was held.
 */
export async function POST(req: MedusaRequest<StrapiContentWithdrawalBody>, res: MedusaResponse) {
  if (!(await requireSyncActive(req.scope, res))) return
  const body = req.validatedBody
  await assertCatalogueEntry(req.scope, body.entity, body.medusa_id)
  const { removed } = await req.scope.resolve<StrapiModuleService>(STRAPI_MODULE).withdrawContent(body.entity, body.medusa_id, {
    strapiDocumentId: body.document_id,
    entryDeleted: body.reason === "delete",
  })
  if (removed) await queueContentReindex(req.scope, body.entity, body.medusa_id)
  res.json({ removed, medusa_id: body.medusa_id })
}
