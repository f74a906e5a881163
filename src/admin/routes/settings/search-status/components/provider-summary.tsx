import { StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ENGINE_LABELS, formatDate, SearchStatusResponse } from "../../../../lib/search"

const HEALTH_LOOK = {
  up: { color: "green", label: "Healthy" },
  down: { color: "red", label: "Down" },
  unknown: { color: "grey", label: "Not checked" },
} as const

/** The engine behind the product indexes, its last health check, and the search-sync queue. */
export function ProviderSummary({ provider, queue }: Pick<SearchStatusResponse, "provider" | "queue">) {
  const health = provider.health
  return (
    <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4" data-testid="search-provider">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">Engine</Text>
        <div className="flex items-center gap-x-2">
          <Text size="small">{provider.engine ? ENGINE_LABELS[provider.engine] : provider.id ?? "None"}</Text>
          {provider.engine === "postgres" && <Text size="xsmall" className="text-ui-fg-subtle">built in, in the store's database</Text>}
          {health && (
            <StatusBadge color={health.enabled ? HEALTH_LOOK[health.status].color : "grey"}>
              {health.enabled ? HEALTH_LOOK[health.status].label : "Disabled"}
            </StatusBadge>
          )}
        </div>
        {health && (
          <Text size="xsmall" className={health.status === "down" ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {health.checked_at ? `Checked ${formatDate(health.checked_at)}` : "Never checked"}
            {health.error ? ` · ${health.error}` : ""}
          </Text>
        )}
      </div>
      {queue && (
        <div className="flex flex-col items-end gap-y-1">
          <Text size="small" weight="plus">
            <Link to="../queues/search-sync" relative="path" className="text-ui-fg-interactive hover:underline">
              Sync queue
            </Link>
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {queue.waiting} waiting · {queue.delayed} delayed · {queue.failed} retrying ·{" "}
            <span className={queue.dead ? "text-ui-fg-error" : undefined}>{queue.dead} dead-lettered</span>
          </Text>
        </div>
      )}
    </div>
  )
}
