import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendEngagementWorkflow } from "../../../../../../workflows/send-engagement"

/** Approves a customer message and queues it through the notification pipeline (202: it is sent in the background). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await sendEngagementWorkflow(req.scope).run({
    input: { id: req.params.id, approved_by: req.auth_context?.actor_id ?? null },
  })
  res.status(202).json({ engagement: result })
}
