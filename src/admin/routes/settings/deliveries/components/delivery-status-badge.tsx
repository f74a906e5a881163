import { StatusBadge, Text } from "@medusajs/ui"
import { STATUS_LOOK, type Delivery } from "../../../../lib/deliveries"

export function DeliveryStatusBadge({ status }: { status: Delivery["status"] }) {
  const { color, label } = STATUS_LOOK[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}

/** Why a message has its status: the vendor's error, or why it went to the outbox. */
export function StatusReason({ delivery, truncate = false }: { delivery: Delivery; truncate?: boolean }) {
  if (!delivery.status_reason) {
    return null
  }
  const failed = STATUS_LOOK[delivery.status].color === "red" || STATUS_LOOK[delivery.status].color === "orange"
  return (
    <Text
      size="xsmall"
      className={`${failed ? "text-ui-fg-error" : "text-ui-fg-subtle"} ${truncate ? "max-w-[220px] truncate" : ""}`}
      title={truncate ? delivery.status_reason : undefined}
    >
      {delivery.status_reason}
    </Text>
  )
}
