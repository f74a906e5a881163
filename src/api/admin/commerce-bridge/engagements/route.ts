import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOrThrow } from "../../../../lib/validation"
import { ENGAGEMENT_MODULE } from "../../../../modules/engagement"
import type EngagementModuleService from "../../../../modules/engagement/service"
import type { EngagementRecord } from "../../../../modules/engagement/types"
import { failureError } from "../../../../engagement/errors"
import { generateEngagementWorkflow } from "../../../../workflows/generate-engagement"
import { sendEngagementError } from "./errors"
import { GenerateEngagementBody, ListEngagementsQuerySchema } from "./validators"

/** The engagement history, newest first: by subject, kind, status or bulk run. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { offset, limit, ...filters } = parseOrThrow(ListEngagementsQuerySchema, req.query, "query")
  const engagements = req.scope.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const [rows, count] = await engagements.listAndCountEngagements(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ engagements: rows as unknown as EngagementRecord[], count, offset, limit })
}

/**
 * Generates one draft (201). A spent budget is a 402, OpenAI off a 409; a failed generation is
 * recorded and answered 429 (with Retry-After) / 502 / 503 with the reason and the engagement's id.
 */
export async function POST(req: AuthenticatedMedusaRequest<GenerateEngagementBody>, res: MedusaResponse) {
  try {
    const { result } = await generateEngagementWorkflow(req.scope).run({
      input: { ...req.validatedBody, requested_by: req.auth_context?.actor_id ?? null },
    })
    if (result.failure) {
      sendEngagementError(res, failureError(result.failure, result.engagement.id), { engagement_id: result.engagement.id })
      return
    }
    res.status(201).json({ engagement: result.engagement, reused: Boolean(result.engagement.reused_from_id) })
  } catch (error) {
    if (!sendEngagementError(res, error)) throw error
  }
}
