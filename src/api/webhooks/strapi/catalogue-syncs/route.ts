import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireSyncActive, runView } from "../../../../strapi-sync/http"
import { startStrapiCatalogueSyncWorkflow } from "../../../../workflows/start-strapi-catalogue-sync"
import type { CatalogueSyncBody } from "../validators"

/** Starts pushing the whole catalogue to Strapi (202), or answers the run still running. */
export async function POST(req: MedusaRequest<CatalogueSyncBody>, res: MedusaResponse) {
  if (!(await requireSyncActive(req.scope, res))) return
  const { result } = await startStrapiCatalogueSyncWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(202).json({ run: runView(result) })
}
