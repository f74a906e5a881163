import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { QUEUE_MODULE } from "../../../../modules/queue"
import type QueueModuleService from "../../../../modules/queue/service"

/** Every queue with its counts and throughput. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const queues = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  res.json({ provider: queues.providerName, consumes_jobs: queues.consumesJobs, queues: await queues.listQueues() })
}
