import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { QUEUE_MODULE } from "../../../../../../../modules/queue"
import type QueueModuleService from "../../../../../../../modules/queue/service"
import { DeadLetterActionBody, DeadLetterVerbSchema } from "../../../validators"

/** POST …/dead-letters/replay and …/dead-letters/discard with `{ ids }` or `{ all: true }`. */
export async function POST(req: AuthenticatedMedusaRequest<DeadLetterActionBody>, res: MedusaResponse) {
  const verb = DeadLetterVerbSchema.safeParse(req.params.action)
  if (!verb.success) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown dead-letter action ${req.params.action}`)
  }
  const queues = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  const { ids } = req.validatedBody
  const count = await queues[verb.data](req.params.queue, ids)
  res.json({ [verb.data === "replay" ? "replayed" : "discarded"]: count, queue: await queues.retrieveQueue(req.params.queue) })
}
