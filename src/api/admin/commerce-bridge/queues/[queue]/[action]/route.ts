import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../../../../../../modules/queue"
import type QueueModuleService from "../../../../../../modules/queue/service"
import { QueueActionSchema } from "../../validators"

/** POST /admin/commerce-bridge/queues/:queue/pause and …/resume */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const action = QueueActionSchema.safeParse(req.params.action)
  if (!action.success) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown queue action ${req.params.action}`)
  }
  const queues = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  await queues[action.data](req.params.queue)
  res.json({ queue: await queues.retrieveQueue(req.params.queue) })
}
