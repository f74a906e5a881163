import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ENGAGEMENT_MODULE } from "../../../../../../modules/engagement"
import type EngagementModuleService from "../../../../../../modules/engagement/service"
import { bulkRunView } from "../../view"

/** A bulk run's progress: done, failed, remaining, and what it has cost so far. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const engagements = req.scope.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const run = await engagements.retrieveBulkRunRecord(req.params.id)
  const current = run.status === "completed" || run.status === "cancelled" ? run : await engagements.refreshBulkRun(run.id)
  res.json({ bulk_run: bulkRunView(current) })
}
