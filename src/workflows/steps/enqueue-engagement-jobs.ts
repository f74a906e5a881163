import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BulkEngagementJobData } from "../../engagement/bulk-job"
import { ENGAGEMENT_QUEUE, engagementRetryOptions } from "../../engagement/options"
import { ENGAGEMENT_MODULE } from "../../modules/engagement"
import type EngagementModuleService from "../../modules/engagement/service"
import { QUEUE_MODULE } from "../../modules/queue"
import type QueueModuleService from "../../modules/queue/service"

export const enqueueEngagementJobsStepId = "commerce-bridge-enqueue-engagement-jobs"

const PUSH_PAGE = 500

/**
 * One job per product on the `engagement` queue, keyed by run and product so a second push adds
 * nothing. Not compensated: the step is last, and a job whose run is gone ends at once.
 */
export const enqueueEngagementJobsStep = createStep(
  enqueueEngagementJobsStepId,
  async ({ run_id, product_ids }: { run_id: string; product_ids: string[] }, { container }) => {
    const options = engagementRetryOptions(container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE).settings)
    const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
    let queued = 0
    for (let start = 0; start < product_ids.length; start += PUSH_PAGE) {
      const jobs = product_ids.slice(start, start + PUSH_PAGE).map((product_id) => ({
        name: "draft-product",
        data: { run_id, product_id } satisfies BulkEngagementJobData,
        options: { ...options, jobId: `${run_id}:${product_id}` },
      }))
      queued += (await queues.pushBulk(ENGAGEMENT_QUEUE, jobs)).length
    }
    return new StepResponse(queued)
  }
)
