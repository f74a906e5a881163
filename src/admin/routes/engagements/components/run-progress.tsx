import { StatusBadge, Text } from "@medusajs/ui"
import { formatDate, formatUsd, KIND_LABELS, type BulkRun } from "../../../lib/engagements"

const RUN_LOOK: Record<BulkRun["status"], { label: string; color: "blue" | "green" | "grey" }> = {
  queued: { label: "Queued", color: "blue" },
  running: { label: "Running", color: "blue" },
  completed: { label: "Done", color: "green" },
  cancelled: { label: "Cancelled", color: "grey" },
}

/** A bulk run's progress: a bar, drafted / failed / remaining products, and its cost so far. */
export function RunProgress({ run }: { run: BulkRun }) {
  const { total, done, failed, remaining, percent } = run.progress
  const look = RUN_LOOK[run.status]
  return (
    <div className="flex flex-col gap-y-3" data-testid="bulk-run-progress">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge color={look.color}>{look.label}</StatusBadge>
        <Text size="small" className="text-ui-fg-subtle">
          {KIND_LABELS[run.kind]} · {run.locale} · {run.tone} · started {formatDate(run.created_at)}
        </Text>
      </div>
      <div
        role="progressbar"
        aria-label="Bulk run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${done + failed} of ${total} products`}
        className="bg-ui-bg-component h-2 w-full overflow-hidden rounded-full border"
      >
        <div className="bg-ui-fg-interactive h-full transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      <Text size="small" role="status" aria-live="polite">
        {percent}% · {done} drafted · {failed} failed · {remaining} remaining · {formatUsd(run.actual_cost_usd)} spent of an estimated{" "}
        {formatUsd(run.estimated_cost_usd)}
      </Text>
      {run.error && (
        <Text size="small" className="text-ui-fg-error">
          {run.error}
        </Text>
      )}
    </div>
  )
}
