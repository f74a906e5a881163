import { maskContactData } from "../../../../lib/redact"
import type { DeliveryRecord } from "../../../../modules/notifications/types"

/** A delivery as the admin sees it: the recipient masked, the body only in the detail view. */
export function deliveryView({ recipient, html, text, idempotency_key, ...delivery }: DeliveryRecord) {
  return { ...delivery, recipient: maskContactData(recipient) }
}

export function deliveryDetailView(delivery: DeliveryRecord) {
  return { ...deliveryView(delivery), html: delivery.html, text: delivery.text }
}
