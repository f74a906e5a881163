import { container as applicationContainer } from "@medusajs/framework"
import type { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { resolveNotificationOptions, ResolvedNotificationOptions } from "../../notifications/options"
import { TemplateRenderer } from "../../notifications/renderer"
import { startDeliveryWorker } from "../../notifications/worker"
import type { CommerceBridgeOptions } from "../bridge/types"
import { Delivery } from "./models/delivery"
import { FINAL_STATUSES, SETTLED_STATUSES } from "./types"
import type { DeliveryRecord, DeliveryStatus, NewDelivery, StatusReport } from "./types"

const REASON_LENGTH = 500

/**
 * Every message CommerceBridge renders, from the event that caused it to the vendor's last word.
 * The outbox is this table's `outboxed` rows: rendered, stored, sent nowhere.
 */
export default class DeliveryModuleService extends MedusaService({ Delivery }) {
  readonly settings: ResolvedNotificationOptions
  readonly renderer: TemplateRenderer
  private readonly logger: Logger

  constructor(container: { logger: Logger } & Record<string, unknown>, options: CommerceBridgeOptions = {}) {
    super(...arguments)
    this.logger = container.logger
    this.settings = resolveNotificationOptions(options.notifications)
    this.renderer = new TemplateRenderer({ templatesDir: this.settings.templatesDir })
  }

  __hooks = {
    // A module sees only its own container, and delivering a message spans modules (queue, bridge,
    // Notification Module): the handler is registered with the application's once every module is up.
    onApplicationStart: async () => {
      try {
        await startDeliveryWorker(applicationContainer, this.settings)
      } catch (error) {
        this.logger.error(`CommerceBridge notifications: could not start the delivery worker: ${(error as Error).message}`)
      }
    },
  }
  /**
   * Records messages not recorded yet and returns the rows of every key, with the created ones
   * marked: a redelivered event finds its earlier rows and queues nothing new.
   */
  async recordDeliveries(deliveries: NewDelivery[]): Promise<{ created: DeliveryRecord[]; existing: DeliveryRecord[] }> {
    if (!deliveries.length) return { created: [], existing: [] }
    const keys = deliveries.map((delivery) => delivery.idempotency_key)
    const existing = await this.byKeys(keys)
    const known = new Set(existing.map((row) => row.idempotency_key))
    const fresh = deliveries.filter((delivery) => !known.has(delivery.idempotency_key))
    if (!fresh.length) return { created: [], existing }
    try {
      const created = (await this.createDeliveries(fresh as any[])) as unknown as DeliveryRecord[]
      return { created, existing }
    } catch (error) {
      // A concurrent run of the same event recorded them first (unique key): nothing is new.
      const now = await this.byKeys(keys)
      if (now.length !== keys.length) throw error
      return { created: [], existing: now }
    }
  }

  async retrieveDeliveryRecord(id: string): Promise<DeliveryRecord> {
    return (await this.retrieveDelivery(id)) as unknown as DeliveryRecord
  }

  async markSent(id: string, sent: { provider: string; attempts: number; external_id: string | null; notification_id: string | null }) {
    const now = new Date()
    await this.updateDeliveries({ id, ...sent, status: "sent", status_reason: null, last_attempt_at: now, sent_at: now, status_changed_at: now } as any)
  }

  /** Moves a message to `status`; `attempt` records the attempt that got it there. */
  async markStatus(id: string, status: DeliveryStatus, reason: string | null, attempt: { provider?: string; attempts?: number } = {}) {
    const now = new Date()
    await this.updateDeliveries({
      id,
      status,
      status_reason: reason?.slice(0, REASON_LENGTH) ?? null,
      status_changed_at: now,
      ...attempt,
      ...(attempt.attempts ? { last_attempt_at: now } : {}),
    } as any)
  }

  /** Notes a failed attempt that will be retried: the message stays queued. */
  async noteAttemptFailure(id: string, reason: string, attempt: { provider: string; attempts: number }) {
    await this.updateDeliveries({ id, ...attempt, status: "queued", status_reason: reason.slice(0, REASON_LENGTH), last_attempt_at: new Date() } as any)
  }

  /**
   * Applies what a vendor's webhook reported. Returns the updated row, or null when no message
   * has that vendor id. A message that reached a final status keeps it.
   */
  async applyStatusReport(report: StatusReport): Promise<DeliveryRecord | null> {
    const [row] = (await this.listDeliveries(
      { provider: report.provider, external_id: report.external_id },
      { take: 1 }
    )) as unknown as DeliveryRecord[]
    if (!row) return null
    if (FINAL_STATUSES.includes(row.status) || row.status === report.status) return row
    await this.updateDeliveries({
      id: row.id,
      status: report.status,
      status_reason: report.reason?.slice(0, REASON_LENGTH) ?? null,
      status_changed_at: report.at ?? new Date(),
    } as any)
    return this.retrieveDeliveryRecord(row.id)
  }

  /** A copy of a message, queued to be sent again (the original keeps its history). */
  async createResend(id: string): Promise<DeliveryRecord> {
    const original = await this.retrieveDeliveryRecord(id)
    const copies = (await this.listDeliveries({ resent_from_id: original.id }, { select: ["id"], take: null })).length
    const [copy] = (await this.createDeliveries([
      {
        idempotency_key: `resend:${original.id}:${copies + 1}`,
        event: original.event,
        template: original.template,
        channel: original.channel,
        locale: original.locale,
        recipient: original.recipient,
        resource_type: original.resource_type,
        resource_id: original.resource_id,
        subject: original.subject,
        html: original.html,
        text: original.text,
        resent_from_id: original.id,
      },
    ] as any[])) as unknown as DeliveryRecord[]
    return copy
  }

  isSettled(delivery: DeliveryRecord): boolean {
    return SETTLED_STATUSES.includes(delivery.status)
  }

  private async byKeys(keys: string[]): Promise<DeliveryRecord[]> {
    return (await this.listDeliveries({ idempotency_key: keys }, { take: null })) as unknown as DeliveryRecord[]
  }
}

