import { Button, Text } from "@medusajs/ui"
import { errorMessage } from "../../../../lib/sdk"
import { ReindexPhase, SearchIndexView } from "../../../../lib/search"
import { SyncProgress } from "./sync-progress"

interface ReindexControlProps {
  index: SearchIndexView
  phase: ReindexPhase
  onReindex: () => void
  isRequesting: boolean
  error: unknown
}

/** The Reindex button of one index, and where the run it started stands. */
export function ReindexControl({ index, phase, onReindex, isRequesting, error }: ReindexControlProps) {
  const busy = phase === "starting" || phase === "running"
  return (
    <div className="flex flex-col items-end gap-y-2">
      <Button size="small" variant="secondary" onClick={onReindex} isLoading={isRequesting} disabled={busy} aria-label={`Reindex ${index.name}`}>
        Reindex
      </Button>
      <div role="status" aria-live="polite" className="flex flex-col items-end gap-y-1">
        <PhaseText index={index} phase={phase} />
      </div>
      {Boolean(error) && (
        <Text size="xsmall" className="text-ui-fg-error max-w-[240px] text-right" role="alert">
          Could not start the reindex: {errorMessage(error)}
        </Text>
      )}
    </div>
  )
}

function PhaseText({ index, phase }: { index: SearchIndexView; phase: ReindexPhase }) {
  const sync = index.last_sync
  switch (phase) {
    case "starting":
      return <Text size="xsmall" className="text-ui-fg-subtle">Starting…</Text>
    case "running":
      return <SyncProgress index={index} />
    case "not-started":
      return (
        <Text size="xsmall" className="text-ui-fg-error max-w-[240px] text-right">
          The reindex has not started after a minute. Check the server logs, then try again.
        </Text>
      )
    case "finished":
      return sync?.status === "done" ? (
        <>
          <SyncProgress index={index} />
          <Text size="xsmall" className="text-ui-fg-subtle">Reindex done</Text>
        </>
      ) : (
        <Text size="xsmall" className="text-ui-fg-error max-w-[240px] text-right">
          Reindex {sync?.status === "canceled" ? "canceled" : "failed"}
          {sync?.error ? `: ${sync.error}` : ""}
        </Text>
      )
    default:
      return null
  }
}
