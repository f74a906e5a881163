import { Text } from "@medusajs/ui"
import { SearchIndexView, syncProgress } from "../../../../lib/search"

/** Documents the running (or finished) reindex wrote against what the index should hold, with a bar. */
export function SyncProgress({ index }: { index: SearchIndexView }) {
  const { synced, total, percent } = syncProgress(index)
  return (
    <div className="flex w-44 flex-col gap-y-1">
      <div
        role="progressbar"
        aria-label={`Reindex progress of ${index.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={total === null ? `${synced} documents synced` : `${synced} of ${total} documents synced`}
        className="bg-ui-bg-component h-1.5 w-full overflow-hidden rounded-full border"
      >
        <div className="bg-ui-fg-interactive h-full transition-[width] duration-500" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {total === null ? `${synced} documents` : `${synced} / ${total} documents`}
      </Text>
    </div>
  )
}
