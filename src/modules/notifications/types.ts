export type DeliveryChannel = "email" | "sms" | "whatsapp"

export type DeliveryStatus = "queued" | "sent" | "delivered" | "bounced" | "failed" | "undelivered" | "dead" | "outboxed"

/** Statuses a vendor reports after it accepted a message; nothing moves a message out of them. */
export const FINAL_STATUSES: DeliveryStatus[] = ["delivered", "bounced", "failed", "undelivered"]

/** A message is not sent again once it reached one of these. */
export const SETTLED_STATUSES: DeliveryStatus[] = ["sent", "outboxed", ...FINAL_STATUSES]

export interface DeliveryRecord {
  id: string
  idempotency_key: string
  event: string | null
  template: string
  channel: DeliveryChannel
  locale: string
  recipient: string
  resource_type: string | null
  resource_id: string | null
  provider: string | null
  status: DeliveryStatus
  status_reason: string | null
  attempts: number
  subject: string | null
  html: string | null
  text: string
  external_id: string | null
  notification_id: string | null
  resent_from_id: string | null
  last_attempt_at: Date | null
  sent_at: Date | null
  status_changed_at: Date | null
  created_at: Date
  updated_at: Date
}

/** A rendered message, ready to be recorded and queued. */
export interface NewDelivery {
  idempotency_key: string
  event?: string | null
  template: string
  channel: DeliveryChannel
  locale: string
  recipient: string
  resource_type?: string | null
  resource_id?: string | null
  subject?: string | null
  html?: string | null
  text: string
  resent_from_id?: string | null
}

/** A status a vendor reported through its webhook. */
export interface StatusReport {
  provider: "mailgun" | "twilio"
  external_id: string
  status: DeliveryStatus
  reason?: string | null
  at?: Date
}
