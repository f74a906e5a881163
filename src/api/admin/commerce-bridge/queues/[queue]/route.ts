import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { maskContactData, previewPayload } from "../../../../../lib/redact"
import { parseOrThrow } from "../../../../../lib/validation"
import { QUEUE_MODULE } from "../../../../../modules/queue"
import type QueueModuleService from "../../../../../modules/queue/service"
import { DeadLetterQuerySchema } from "../validators"

/** One queue's counts and a page of its dead letters, with masked payload previews. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const queues = req.scope.resolve<QueueModuleService>(QUEUE_MODULE)
  const page = parseOrThrow(DeadLetterQuerySchema, req.query, "query")
  const queue = await queues.retrieveQueue(req.params.queue)
  const { items, count } = await queues.deadLetters(req.params.queue, page)
  res.json({
    queue,
    dead_letters: items.map(({ data, attempts, ...letter }) => ({
      ...letter,
      attempts: attempts.map((attempt) => ({ ...attempt, error: maskContactData(attempt.error) })),
      payload_preview: previewPayload(data),
    })),
    count,
    offset: page.offset,
    limit: page.limit,
  })
}
