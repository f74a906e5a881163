import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { EVENT_PLANNERS } from "../notifications/events"
import { queueEventNotificationsWorkflow } from "../workflows/queue-event-notifications"

/** Order, shipment, refund, customer and password-reset events → the worker queue, which sends their messages. */
export default async function sendNotifications({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  await queueEventNotificationsWorkflow(container).run({ input: { event: event.name, data: event.data } })
}

export const config: SubscriberConfig = {
  event: Object.keys(EVENT_PLANNERS),
  context: { subscriberId: "commerce-bridge-send-notifications" },
}
