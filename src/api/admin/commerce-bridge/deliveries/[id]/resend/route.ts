import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendDeliveryWorkflow } from "../../../../../../workflows/resend-delivery"
import { deliveryView } from "../../view"

/** Queues a copy of the message; the original keeps its history. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await resendDeliveryWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.status(202).json({ delivery: deliveryView(result) })
}
