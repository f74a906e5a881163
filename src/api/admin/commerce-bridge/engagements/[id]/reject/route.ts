import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectEngagementWorkflow } from "../../../../../../workflows/reject-engagement"

/** Rejects a draft: nothing changes anywhere, and its text is never reused. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await rejectEngagementWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ engagement: result })
}
