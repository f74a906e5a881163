import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { KINDS } from "../../../../../engagement/kinds"
import { parseOrThrow } from "../../../../../lib/validation"
import { ENGAGEMENT_MODULE } from "../../../../../modules/engagement"
import type EngagementModuleService from "../../../../../modules/engagement/service"
import { EditEngagementSchema } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const engagements = req.scope.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  res.json({ engagement: await engagements.retrieveEngagementRecord(req.params.id) })
}

/**
 * Edits a draft's content; it must keep the kind's shape (a 400 names the field). The body is
 * parsed here rather than by a middleware, whose `:id` matcher would also catch `/bulk`.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const engagements = req.scope.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const { content } = parseOrThrow(EditEngagementSchema, req.body, "body")
  const engagement = await engagements.retrieveEngagementRecord(req.params.id)
  const checked = parseOrThrow(KINDS[engagement.kind].schema, content, "content")
  res.json({ engagement: await engagements.updateDraftContent(engagement.id, checked) })
}
