import { randomUUID } from "crypto"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { maskContactData } from "../../lib/redact"
import { NOTIFICATIONS_MODULE } from "../../modules/notifications"
import type DeliveryModuleService from "../../modules/notifications/service"
import type { DeliveryChannel } from "../../modules/notifications/types"
import { VendorDeliveryError } from "../../notifications/delivery-errors"
import { contentOf, optionalDependency, SharedProviderOptions } from "../../notifications/provider-support"
import { TemplateRenderer } from "../../notifications/renderer"

export type OutboxProviderOptions = Pick<SharedProviderOptions, "channels" | "templatesDir">

/**
 * Sends nothing: stores every message it is given, rendered, as an `outboxed` delivery that the
 * admin's Deliveries page shows and previews. The development default for a channel without a
 * vendor. The Notification Module must list `commerceBridgeNotifications` in its `dependencies`.
 */
export class OutboxNotificationService extends AbstractNotificationProviderService {
  static identifier = "commerce-bridge-outbox"

  private readonly deliveries?: DeliveryModuleService
  private readonly logger: Logger
  private renderer?: TemplateRenderer

  constructor(container: { logger: Logger } & Record<string, unknown>, private readonly options: OutboxProviderOptions = {}) {
    super()
    this.logger = container.logger
    this.deliveries = optionalDependency<DeliveryModuleService>(container, NOTIFICATIONS_MODULE)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!this.deliveries) {
      throw new VendorDeliveryError("Outbox", "permanent", `add "${NOTIFICATIONS_MODULE}" to the Notification Module's dependencies`)
    }
    const data = notification.data ?? {}
    const deliveryId = typeof data.delivery_id === "string" ? data.delivery_id : undefined
    if (deliveryId) {
      await this.deliveries.markStatus(deliveryId, "outboxed", "Stored in the outbox", { provider: "outbox" })
      return { id: deliveryId }
    }
    const content = await contentOf(notification, () => (this.renderer ??= new TemplateRenderer({ templatesDir: this.options.templatesDir })))
    const { created, existing } = await this.deliveries.recordDeliveries([
      {
        idempotency_key: `outbox:${randomUUID()}`,
        template: notification.template,
        channel: notification.channel as DeliveryChannel,
        locale: typeof data.locale === "string" ? data.locale : "en",
        recipient: notification.to,
        subject: content.subject,
        html: content.html,
        text: content.text,
      },
    ])
    const row = created[0] ?? existing[0]
    await this.deliveries.markStatus(row.id, "outboxed", "Stored in the outbox", { provider: "outbox" })
    this.logger.info(`CommerceBridge outbox: stored ${notification.template} for ${maskContactData(notification.to)} (${row.id})`)
    return { id: row.id }
  }
}
