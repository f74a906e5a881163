import { Drawer, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { QueryState } from "../../../components/query-state"
import { useEngagements, useProductTitles } from "../../../hooks/use-engagements"
import type { Engagement } from "../../../lib/engagements"
import { DraftEditor } from "../../../widgets/write-with-ai/draft-editor"
import { EngagementTable } from "../../../widgets/write-with-ai/engagement-table"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 20

interface RunResultsProps {
  runId: string
  running: boolean
  /** Products the run has settled (drafted or failed): the list refreshes whenever it grows. */
  settled: number
}

/** The drafts a run wrote, refreshed as it settles products; a row opens its draft for review in a drawer. */
export function RunResults({ runId, running, settled }: RunResultsProps) {
  const [pageIndex, setPageIndex] = useState(0)
  const [open, setOpen] = useState<Engagement | null>(null)
  const { data, isLoading, isError, error, refetch } = useEngagements(
    { bulk_run_id: runId },
    { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }
  )
  useEffect(() => {
    refetch()
  }, [settled, refetch])
  const titles = useProductTitles(data?.engagements.map((engagement) => engagement.subject_id) ?? [])
  const titleOf = (engagement: Engagement) => titles.data?.[engagement.subject_id] ?? engagement.subject_id

  return (
    <div data-testid="bulk-run-results">
      <QueryState what="drafts" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.count === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" role="status">
          {running ? "No drafts yet: they appear here as the run writes them." : "This run wrote no drafts."}
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <EngagementTable
            engagements={data.engagements}
            selectedId={open?.id}
            onOpen={setOpen}
            lead={{ header: "Product", cell: titleOf }}
          />
          <Pager count={data.count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </>
      )}
      <Drawer open={Boolean(open)} onOpenChange={(next) => !next && setOpen(null)}>
        <Drawer.Content aria-describedby={undefined}>
          <Drawer.Header>
            <Drawer.Title>{open ? titleOf(open) : "Draft"}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {open && (
              <>
                <DraftEditor key={open.id} engagement={open} onChanged={setOpen} />
                <Link to={`/products/${encodeURIComponent(open.subject_id)}`} className="txt-compact-small text-ui-fg-interactive hover:underline">
                  Open the product
                </Link>
              </>
            )}
          </Drawer.Body>
        </Drawer.Content>
      </Drawer>
    </div>
  )
}
