import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { budgetStatus, monthStart } from "../../../../../engagement/budget"
import { readMonthlyBudget } from "../../../../../engagement/provider"
import { ENGAGEMENT_MODULE } from "../../../../../modules/engagement"
import type EngagementModuleService from "../../../../../modules/engagement/service"

/** This month's generations, tokens and dollars (UTC month), against the monthly budget. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const engagements = req.scope.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const now = new Date()
  const usage = await engagements.monthToDateUsage(now)
  const budget = budgetStatus(await readMonthlyBudget(req.scope), usage.cost_usd)
  res.json({ usage: { since: monthStart(now), ...usage, budget_usd: budget.budget_usd, budget_left_usd: budget.left_usd } })
}
