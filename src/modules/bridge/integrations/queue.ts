import type QueueModuleService from "../../queue/service"
import type { IntegrationDescriptor } from "../types"

/** Resolved lazily: the bridge and the queue are separate modules. */
const QUEUE_MODULE = "commerceBridgeQueue"

export const queue: IntegrationDescriptor<Record<string, never>> = {
  name: "queue",
  label: "Worker queue",
  kind: "queue",
  description: "Delivers notifications, search writes, AI batches and CMS sync in the background, with retries.",
  fields: [],
  enabledByDefault: true,
  async check({ container }) {
    const queues = container.resolve<QueueModuleService>(QUEUE_MODULE)
    const latency = await queues.ping()
    const summaries = await queues.listQueues()
    const total = (key: "failed" | "dead") => summaries.reduce((sum, summary) => sum + summary.counts[key], 0)
    return {
      status: "up",
      details: {
        provider: queues.providerName,
        consumes_jobs: queues.consumesJobs,
        ping_ms: latency,
        queues: summaries.length,
        failed: total("failed"),
        dead: total("dead"),
      },
    }
  },
}
