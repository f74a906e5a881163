import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendTestMessageWorkflow } from "../../../../../../workflows/send-test-message"
import { deliveryView } from "../../../deliveries/view"
import type { TestMessageBody } from "../../../deliveries/validators"

/** Queues a test message through the integration's channel; the delivery shows where it landed. */
export async function POST(req: AuthenticatedMedusaRequest<TestMessageBody>, res: MedusaResponse) {
  const { result } = await sendTestMessageWorkflow(req.scope).run({
    input: { integration: req.params.name, to: req.validatedBody.to },
  })
  res.status(202).json({ delivery: deliveryView(result) })
}
