import type { INotificationModuleService, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { maskContactData, safeErrorMessage } from "../lib/redact"
import { BRIDGE_MODULE } from "../modules/bridge"
import type BridgeModuleService from "../modules/bridge/service"
import { NOTIFICATIONS_MODULE } from "../modules/notifications"
import type DeliveryModuleService from "../modules/notifications/service"
import type { DeliveryRecord } from "../modules/notifications/types"
import type { QueueJob } from "../modules/queue/types"
import { PermanentJobError, RetryLaterError } from "../modules/queue/types"
import { classifyFailure } from "./delivery-errors"
import { chooseRoute } from "./routing"

export interface DeliveryJobData {
  delivery_id: string
}

/**
 * The worker queue's handler for one message: routes it (vendor or outbox), sends it through
 * Medusa's Notification Module under the message's idempotency key, and records the outcome.
 * A transient failure is retried with backoff; a permanent one, or the last attempt, dead-letters
 * the job so it can be replayed from the Queues page.
 */
export async function deliverMessage(container: MedusaContainer, job: QueueJob<DeliveryJobData>): Promise<void> {
  const deliveries = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
  const bridge = container.resolve<BridgeModuleService>(BRIDGE_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const delivery = await deliveries.retrieveDeliveryRecord(job.data.delivery_id)
  if (deliveries.isSettled(delivery)) return // a re-run after a crash, or a replay of a message that went out meanwhile

  const route = await chooseRoute(bridge, delivery.channel)
  const what = `${delivery.template} (${delivery.channel}) to ${maskContactData(delivery.recipient)} [${delivery.id}]`
  if (route.provider === "outbox") {
    await deliveries.markStatus(delivery.id, "outboxed", route.reason, { provider: "outbox" })
    logger.info(`CommerceBridge notifications: ${what} stored in the outbox: ${route.reason}`)
    return
  }

  // Counted across replays, unlike the job's attempt number.
  const attempt = { provider: route.provider, attempts: delivery.attempts + 1 }
  try {
    const sent = await sendThroughNotificationModule(container, delivery)
    await deliveries.markSent(delivery.id, { ...attempt, ...sent })
    logger.debug(`CommerceBridge notifications: ${what} sent through ${route.provider}`)
  } catch (error) {
    const failure = classifyFailure(error)
    const reason = safeErrorMessage(new Error(failure.reason), await bridge.knownSecretValues())
    if (failure.kind === "permanent" || job.attempt >= job.max_attempts) {
      await deliveries.markStatus(delivery.id, "dead", reason, attempt)
      logger.warn(`CommerceBridge notifications: ${what} dead-lettered after attempt ${job.attempt}: ${reason}`)
      throw new PermanentJobError(reason)
    }
    await deliveries.noteAttemptFailure(delivery.id, reason, attempt)
    logger.warn(`CommerceBridge notifications: ${what} attempt ${job.attempt} failed, will retry: ${reason}`)
    throw new RetryLaterError(reason, failure.retryAfterMs)
  }
}

/** The generated update the module's service has beside its typed interface. */
type NotificationModule = INotificationModuleService & {
  updateNotifications(data: { id: string; idempotency_key: string }[]): Promise<unknown>
}

/**
 * Medusa skips an idempotency key it already sent, so a message is handed to the vendor once
 * however often this runs. It means to re-send a key whose notification failed, but in 2.21 that
 * path sends and then fails to update the record ("Notification … not found"), so the failed
 * record's key is moved aside first: it stays as the attempt's history.
 */
async function sendThroughNotificationModule(container: MedusaContainer, delivery: DeliveryRecord) {
  const notifications = container.resolve<NotificationModule>(Modules.NOTIFICATION)
  const key = delivery.idempotency_key
  if (delivery.attempts > 0) {
    const failed = await notifications.listNotifications({ idempotency_key: key, status: "failure" } as object, { select: ["id"] })
    if (failed.length) {
      await notifications.updateNotifications(failed.map(({ id }) => ({ id, idempotency_key: `${key}:failed:${id}` })))
    }
  }
  const [created] = await notifications.createNotifications([{
    to: delivery.recipient,
    channel: delivery.channel,
    template: delivery.template,
    content: { subject: delivery.subject ?? undefined, html: delivery.html ?? undefined, text: delivery.text },
    data: { delivery_id: delivery.id, locale: delivery.locale },
    trigger_type: delivery.event,
    resource_id: delivery.resource_id,
    resource_type: delivery.resource_type,
    idempotency_key: key,
  }])
  // Nothing created: the key was sent before (a re-run after a crash); report that notification.
  const [notification] = created ? [created] : await notifications.listNotifications({ idempotency_key: key } as object, { take: 1 })
  return { external_id: notification?.external_id ?? null, notification_id: notification?.id ?? null }
}
