import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { EVENT_PLANNERS } from "../notifications/events"
import { sendEventNotificationsWorkflow } from "../workflows/send-event-notifications"

/** Order, shipment, refund, customer and password-reset events → their customer messages. */
export default async function sendNotifications({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  await sendEventNotificationsWorkflow(container).run({ input: { event: event.name, data: event.data } })
}

export const config: SubscriberConfig = {
  event: Object.keys(EVENT_PLANNERS),
  context: { subscriberId: "commerce-bridge-send-notifications" },
}
