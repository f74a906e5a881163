import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type EngagementModuleService from "../modules/engagement/service"
import type { BulkRunRecord, EngagementRecord } from "../modules/engagement/types"
import type { QueueJob } from "../modules/queue/types"
import { RetryLaterError } from "../modules/queue/types"
import { generateEngagementWorkflow } from "../workflows/generate-engagement"
import { isEngagementError, isTransient } from "./errors"

export interface BulkEngagementJobData {
  run_id: string
  product_id: string
}

/**
 * The worker's handling of one product of a bulk run: a draft through the generate workflow, or a
 * failed engagement with the reason once retrying cannot help (budget spent, product gone, the
 * model failing on the last attempt). Transient failures are retried with backoff, never sooner
 * than the server's Retry-After. Progress is counted from the run's engagements.
 */
export async function runBulkEngagementJob(container: MedusaContainer, job: QueueJob<BulkEngagementJobData>): Promise<void> {
  const engagements = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const { run_id, product_id } = job.data
  const run = await engagements.retrieveBulkRunRecord(run_id).catch(() => undefined)
  if (!run || run.status === "cancelled") return // a run undone by its workflow, or cancelled
  const [done] = await engagements.listEngagements({ bulk_run_id: run_id, subject_id: product_id }, { select: ["id"], take: 1 })
  if (done) return void (await engagements.refreshBulkRun(run_id)) // a re-run after a crash
  if (run.status === "queued") await engagements.updateEngagementBulkRuns({ id: run_id, status: "running" } as any)

  const lastAttempt = job.attempt >= job.max_attempts
  try {
    const { result } = await generateEngagementWorkflow(container).run({
      input: {
        kind: run.kind,
        subject_id: product_id,
        locale: run.locale,
        tone: run.tone,
        instructions: run.instructions ?? undefined,
        requested_by: run.requested_by,
        bulk_run_id: run_id,
      },
    })
    const failure = result.failure
    if (failure && isTransient(failure.kind) && !lastAttempt) {
      await engagements.deleteEngagements(result.engagement.id)
      throw new RetryLaterError(failure.message, failure.retryAfterMs ?? 0)
    }
  } catch (error) {
    if (error instanceof RetryLaterError) throw error
    const final = lastAttempt || isEngagementError(error) || (error as { type?: string })?.type === MedusaError.Types.NOT_FOUND
    if (!final) throw error
    await recordFailure(engagements, run, product_id, (error as Error).message, isEngagementError(error) ? error.code : undefined)
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(
      `CommerceBridge engagement: bulk run ${run_id}: product ${product_id} failed: ${(error as Error).message}`
    )
  }
  await engagements.refreshBulkRun(run_id)
}

async function recordFailure(engagements: EngagementModuleService, run: BulkRunRecord, productId: string, message: string, code?: string) {
  const failed: Partial<EngagementRecord> = {
    kind: run.kind,
    subject_type: "product",
    subject_id: productId,
    locale: run.locale,
    tone: run.tone,
    status: "failed",
    error: message,
    model: run.model,
    requested_by: run.requested_by,
    bulk_run_id: run.id,
  }
  await engagements.createEngagements(failed as any)
  // A spent budget stops every remaining product for the same reason: say so on the run.
  if (code === "budget_spent" && !run.error) await engagements.updateEngagementBulkRuns({ id: run.id, error: message } as any)
}
