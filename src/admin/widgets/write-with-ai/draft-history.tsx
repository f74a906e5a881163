import { Heading, Text } from "@medusajs/ui"
import { useState, type ComponentProps } from "react"
import { QueryState } from "../../components/query-state"
import { useEngagements } from "../../hooks/use-engagements"
import type { Engagement } from "../../lib/engagements"
import { EngagementTable } from "./engagement-table"
import { Pager } from "../../components/pager"

const PAGE_SIZE = 5

interface DraftHistoryProps {
  /** The product (or other subject, with `subjectId`) whose drafts are listed. */
  productId?: string
  subjectId?: string
  selectedId: string | null
  onOpen: (engagement: Engagement) => void
  heading?: string
  /** Shown while there is no draft yet. */
  empty?: string
  /** An extra first column, as EngagementTable's. */
  lead?: ComponentProps<typeof EngagementTable>["lead"]
}

/** Every draft written for this product (or subject), newest first; a row opens it. */
export function DraftHistory({
  productId,
  subjectId = productId,
  selectedId,
  onOpen,
  heading = "Earlier drafts",
  empty = "No drafts for this product yet.",
  lead,
}: DraftHistoryProps) {
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error, refetch } = useEngagements(
    { subject_id: subjectId },
    { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }
  )

  return (
    <div data-testid="draft-history">
      <div className="px-6 py-4">
        <Heading level="h3">{heading}</Heading>
      </div>
      <QueryState what="drafts" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.count === 0 && (
        <Text size="small" className="px-6 pb-4 text-ui-fg-subtle" role="status">
          {empty}
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <EngagementTable engagements={data.engagements} selectedId={selectedId} onOpen={onOpen} lead={lead} />
          <Pager count={data.count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </>
      )}
    </div>
  )
}
