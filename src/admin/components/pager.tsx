import { Table } from "@medusajs/ui"

interface PagerProps {
  count: number
  pageSize: number
  pageIndex: number
  onPageChange: (pageIndex: number) => void
}

/** Medusa's table pagination for a list of `count` rows shown `pageSize` at a time. */
export function Pager({ count, pageSize, pageIndex, onPageChange }: PagerProps) {
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onPageChange(pageIndex - 1)}
      nextPage={() => onPageChange(pageIndex + 1)}
    />
  )
}
