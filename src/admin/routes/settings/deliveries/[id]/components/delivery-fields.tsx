import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { CHANNEL_LABELS, formatDate, type Delivery } from "../../../../../lib/deliveries"

/** Every field of a message, as a description list. */
export function DeliveryFields({ delivery }: { delivery: Delivery }) {
  const fields: [string, ReactNode][] = [
    ["ID", delivery.id],
    ["Channel", CHANNEL_LABELS[delivery.channel]],
    ["Recipient", delivery.recipient],
    ["Template", delivery.template],
    ["Event", delivery.event],
    ["Locale", delivery.locale],
    ["Subject", delivery.subject],
    ["Provider", delivery.provider],
    ["Status reason", delivery.status_reason],
    ["Attempts", delivery.attempts],
    ["Resource", delivery.resource_type && `${delivery.resource_type} ${delivery.resource_id ?? ""}`],
    ["External ID", delivery.external_id],
    ["Notification ID", delivery.notification_id],
    [
      "Resent from",
      delivery.resent_from_id && (
        <Link to={`../${encodeURIComponent(delivery.resent_from_id)}`} relative="path" className="text-ui-fg-interactive hover:underline">
          {delivery.resent_from_id}
        </Link>
      ),
    ],
    ["Created", formatDate(delivery.created_at)],
    ["Last attempt", formatDate(delivery.last_attempt_at)],
    ["Sent", formatDate(delivery.sent_at)],
    ["Status changed", formatDate(delivery.status_changed_at)],
    ["Updated", formatDate(delivery.updated_at)],
  ]

  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 px-6 py-4 md:grid-cols-2 xl:grid-cols-3">
      {fields.map(([label, value]) => (
        <div key={label} className="flex min-w-0 flex-col gap-y-0.5">
          <dt className="txt-compact-xsmall text-ui-fg-subtle">{label}</dt>
          <dd className="txt-compact-small break-words text-ui-fg-base">{value === null || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  )
}
