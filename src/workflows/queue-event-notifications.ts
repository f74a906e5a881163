import { createHash } from "crypto"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATIONS_MODULE } from "../modules/notifications"
import type DeliveryModuleService from "../modules/notifications/service"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { NOTIFICATION_EVENTS_QUEUE, retryOptions } from "../notifications/options"
import type { EventJobData } from "../notifications/worker"

export const queueEventStepId = "commerce-bridge-queue-event"

/**
 * One job for the event, keyed by its name and data so a redelivered event is not queued twice
 * while its job is kept. Not compensated: the step is the workflow's only change.
 */
export const queueEventStep = createStep(queueEventStepId, async (input: EventJobData, { container }) => {
  const { settings } = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
  const digest = createHash("sha256").update(JSON.stringify(input.data)).digest("hex").slice(0, 24)
  const { id } = await container.resolve<QueueModuleService>(QUEUE_MODULE).push(NOTIFICATION_EVENTS_QUEUE, input.event, input, {
    jobId: `${input.event}:${digest}`,
    ...retryOptions(settings),
  })
  return new StepResponse(id)
})

export const queueEventNotificationsWorkflowId = "commerce-bridge-queue-event-notifications"

/** Hands a store event to the worker queue, which renders, records and sends its messages (notifications/plan.ts). */
export const queueEventNotificationsWorkflow = createWorkflow(queueEventNotificationsWorkflowId, (input: EventJobData) => {
  return new WorkflowResponse(queueEventStep(input))
})
