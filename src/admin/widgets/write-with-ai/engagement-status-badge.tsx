import { StatusBadge } from "@medusajs/ui"
import { STATUS_LOOK, type EngagementStatus } from "../../lib/engagements"

export function EngagementStatusBadge({ status }: { status: EngagementStatus }) {
  const { color, label } = STATUS_LOOK[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
