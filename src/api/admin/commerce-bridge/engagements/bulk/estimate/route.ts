import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { estimateEngagementBulkRun } from "../../../../../../engagement/estimate"
import { sendEngagementError } from "../../errors"
import type { EstimateBulkRunBody } from "../../validators"

/** What a bulk run would cost, before it starts: products, tokens, dollars and what the budget has left. */
export async function POST(req: AuthenticatedMedusaRequest<EstimateBulkRunBody>, res: MedusaResponse) {
  try {
    const { product_ids, ...estimate } = await estimateEngagementBulkRun(req.scope, req.validatedBody)
    res.json(estimate)
  } catch (error) {
    if (!sendEngagementError(res, error)) throw error
  }
}
