import { StatusBadge, Text } from "@medusajs/ui"
import { formatDate, SearchLastSync, SYNC_STATUS_LOOK } from "../../../../lib/search"

/** The latest seed or reindex run: its status, what it wrote, when it ended and why it failed. */
export function LastSyncCell({ sync }: { sync: SearchLastSync | null }) {
  if (!sync) {
    return <Text size="small" className="text-ui-fg-subtle">Never synced</Text>
  }
  const { label, color } = SYNC_STATUS_LOOK[sync.status]
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex items-center gap-x-2">
        <StatusBadge color={color}>{label}</StatusBadge>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {sync.documents_synced} documents
        </Text>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {sync.completed_at ? `Ended ${formatDate(sync.completed_at)}` : `Started ${formatDate(sync.started_at)}`}
      </Text>
      {sync.error && (
        <Text size="xsmall" className="text-ui-fg-error max-w-[260px] break-words">
          {sync.error}
        </Text>
      )}
    </div>
  )
}
