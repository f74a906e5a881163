/** The shapes of /admin/commerce-bridge/deliveries, as the admin uses them (dates arrive as strings). */
import type { DeliveryChannel, DeliveryRecord, DeliveryStatus } from "../../modules/notifications/types"

export type { DeliveryChannel, DeliveryStatus }

type Dates = "last_attempt_at" | "sent_at" | "status_changed_at" | "created_at" | "updated_at"

/** A message in the list: no body, the recipient already masked by the server. */
export type Delivery = Omit<DeliveryRecord, "idempotency_key" | "html" | "text" | Dates> & {
  last_attempt_at: string | null
  sent_at: string | null
  status_changed_at: string | null
  created_at: string
  updated_at: string
}

/** A message with its rendered body. */
export type DeliveryDetail = Delivery & { html: string | null; text: string }

export interface DeliveryList {
  deliveries: Delivery[]
  count: number
  offset: number
  limit: number
}

export interface DeliveryFilters {
  status?: DeliveryStatus
  channel?: DeliveryChannel
}

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** How each status looks: delivered green, waiting blue, parked grey, failed red or orange. */
export const STATUS_LOOK: Record<DeliveryStatus, { label: string; color: BadgeColor }> = {
  queued: { label: "Queued", color: "blue" },
  sent: { label: "Sent", color: "green" },
  delivered: { label: "Delivered", color: "green" },
  outboxed: { label: "Outboxed", color: "grey" },
  undelivered: { label: "Undelivered", color: "orange" },
  bounced: { label: "Bounced", color: "red" },
  failed: { label: "Failed", color: "red" },
  dead: { label: "Dead", color: "red" },
}

export const STATUSES = Object.keys(STATUS_LOOK) as DeliveryStatus[]

export const CHANNEL_LABELS: Record<DeliveryChannel, string> = { email: "Email", sms: "SMS", whatsapp: "WhatsApp" }

export const CHANNELS = Object.keys(CHANNEL_LABELS) as DeliveryChannel[]

/** A date as the merchant reads it, or a dash when it never happened. */
export const formatDate = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—")
