import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOrThrow } from "../../../../../../../lib/validation"
import { assertCatalogueEntry } from "../../../../../../../strapi-sync/documents"
import { requireSyncActive } from "../../../../../../../strapi-sync/http"
import { queueStrapiSyncWorkflow } from "../../../../../../../workflows/queue-strapi-sync"
import { ProductParamsSchema } from "../../../validators"

/** Queues a push of the product's Medusa-owned fields to Strapi, changed or not (202). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { id } = parseOrThrow(ProductParamsSchema, req.params, "path")
  await assertCatalogueEntry(req.scope, "product", id)
  if (!(await requireSyncActive(req.scope, res))) return
  const { result: job_id } = await queueStrapiSyncWorkflow(req.scope).run({
    input: { entity: "product", action: "upsert", ids: [id], force: true },
  })
  res.status(202).json({ job_id })
}
