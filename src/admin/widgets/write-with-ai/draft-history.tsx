import { Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { QueryState } from "../../components/query-state"
import { useEngagements } from "../../hooks/use-engagements"
import type { Engagement } from "../../lib/engagements"
import { EngagementTable } from "./engagement-table"

const PAGE_SIZE = 5

/** Every draft written for this product, newest first; a row opens it. */
export function DraftHistory({ productId, selectedId, onOpen }: { productId: string; selectedId: string | null; onOpen: (engagement: Engagement) => void }) {
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error, refetch } = useEngagements(
    { subject_id: productId },
    { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }
  )
  const pageCount = data ? Math.max(1, Math.ceil(data.count / PAGE_SIZE)) : 1

  return (
    <div data-testid="draft-history">
      <div className="px-6 py-4">
        <Heading level="h3">Earlier drafts</Heading>
      </div>
      <QueryState what="drafts" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.count === 0 && (
        <Text size="small" className="px-6 pb-4 text-ui-fg-subtle" role="status">
          No drafts for this product yet.
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <EngagementTable engagements={data.engagements} selectedId={selectedId} onOpen={onOpen} />
          <Table.Pagination
            count={data.count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => setPageIndex(pageIndex - 1)}
            nextPage={() => setPageIndex(pageIndex + 1)}
          />
        </>
      )}
    </div>
  )
}
