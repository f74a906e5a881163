import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyEngagementWorkflow } from "../../../../../../workflows/apply-engagement"

/** Approves a draft and writes it to its product (a campaign is approved only). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await applyEngagementWorkflow(req.scope).run({
    input: { id: req.params.id, approved_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ engagement: result })
}
