import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertBudgetCovers, budgetStatus } from "../../engagement/budget"
import type { BulkRunEstimate, BulkRunRequest } from "../../engagement/estimate"
import { ENGAGEMENT_MODULE } from "../../modules/engagement"
import type EngagementModuleService from "../../modules/engagement/service"
import type { BulkRunRecord } from "../../modules/engagement/types"

export const createEngagementBulkRunStepId = "commerce-bridge-create-engagement-bulk-run"

export interface CreateBulkRunInput {
  request: BulkRunRequest & { requested_by?: string | null }
  estimate: BulkRunEstimate
}

/** Records a bulk run once its estimate fits what is left of the monthly budget (else a 402). Compensation deletes it. */
export const createEngagementBulkRunStep = createStep(
  createEngagementBulkRunStepId,
  async ({ request, estimate }: CreateBulkRunInput, { container }) => {
    assertBudgetCovers(budgetStatus(estimate.budget_usd, estimate.spent_usd), estimate.estimated_cost_usd)
    const engagements = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
    const run = (await engagements.createEngagementBulkRuns({
      kind: request.kind,
      locale: estimate.locale,
      tone: estimate.tone,
      instructions: request.instructions?.trim() || null,
      model: estimate.model,
      product_count: estimate.products,
      estimated_cost_usd: estimate.estimated_cost_usd,
      requested_by: request.requested_by ?? null,
    } as any)) as unknown as BulkRunRecord
    return new StepResponse(run, run.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE).deleteEngagementBulkRuns(id)
  }
)
