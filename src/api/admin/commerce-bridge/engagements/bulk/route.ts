import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startEngagementBulkRunWorkflow } from "../../../../../workflows/start-engagement-bulk-run"
import { sendEngagementError } from "../errors"
import type { StartBulkRunBody } from "../validators"
import { bulkRunView } from "../view"

/** Starts a confirmed bulk run (202): one queued job per product; follow it at GET …/bulk/:id. */
export async function POST(req: AuthenticatedMedusaRequest<StartBulkRunBody>, res: MedusaResponse) {
  const { confirm, ...request } = req.validatedBody
  try {
    const { result } = await startEngagementBulkRunWorkflow(req.scope).run({
      input: { ...request, requested_by: req.auth_context?.actor_id ?? null },
    })
    const { product_ids, ...estimate } = result.estimate
    res.status(202).json({ bulk_run: bulkRunView(result.run), estimate })
  } catch (error) {
    if (!sendEngagementError(res, error)) throw error
  }
}
