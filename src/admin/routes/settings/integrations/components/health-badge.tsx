import { StatusBadge } from "@medusajs/ui"
import type { Integration } from "../../../../lib/integrations"

const LOOK = {
  up: { color: "green", label: "Healthy" },
  down: { color: "red", label: "Down" },
  unknown: { color: "grey", label: "Not checked" },
} as const

export function HealthBadge({ integration }: { integration: Integration }) {
  if (!integration.enabled) {
    return <StatusBadge color="grey">Disabled</StatusBadge>
  }
  const { color, label } = LOOK[integration.health.status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}

export function lastCheckText({ health }: Integration): string {
  if (!health.checked_at) {
    return "Never checked"
  }
  const when = new Date(health.checked_at).toLocaleString()
  return health.latency_ms === null ? `Checked ${when}` : `Checked ${when} · ${health.latency_ms} ms`
}
