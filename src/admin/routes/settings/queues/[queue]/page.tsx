import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { useQueue } from "../../../../hooks/use-queues"
import { COUNT_COLUMNS } from "../../../../lib/queues"
import { QueryState } from "../../../../components/query-state"
import { DeadLetterActions } from "./components/dead-letter-actions"
import { DeadLetterTable } from "./components/dead-letter-table"

const PAGE_SIZE = 20

const QueuePage = () => {
  const name = useParams().queue!
  const [pageIndex, setPageIndex] = useState(0)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const { data, isLoading, isError, error, refetch } = useQueue(name, { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })

  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      checked ? next.add(id) : next.delete(id)
      return next
    })

  const pageCount = data ? Math.max(1, Math.ceil(data.count / PAGE_SIZE)) : 1

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-col gap-y-1 px-6 py-4">
          <Link to=".." relative="path" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base">
            ← Queues
          </Link>
          <Heading level="h1">{name}</Heading>
          {data?.queue.counts.paused && <Text size="small" className="text-ui-fg-subtle">Paused: jobs wait until it resumes.</Text>}
        </div>
        <QueryState what="the queue" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
        {data && (
          <dl className="grid grid-cols-3 gap-4 px-6 py-4 md:grid-cols-7">
            {COUNT_COLUMNS.map((column) => (
              <div key={column.key}>
                <dt className="txt-compact-xsmall text-ui-fg-subtle">{column.label}</dt>
                <dd className="txt-compact-medium-plus" data-testid={`count-${column.key}`}>{data.queue.counts[column.key]}</dd>
              </div>
            ))}
            <div>
              <dt className="txt-compact-xsmall text-ui-fg-subtle">Jobs / min</dt>
              <dd className="txt-compact-medium-plus">{data.queue.throughput_per_minute}</dd>
            </div>
          </dl>
        )}
      </Container>
      {data && (
        <Container className="divide-y p-0">
          <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
            <Heading level="h2">Dead-letter queue</Heading>
            <DeadLetterActions queue={name} selected={[...selected]} total={data.count} onDone={() => setSelected(new Set())} />
          </div>
          {data.count === 0 ? (
            <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Nothing is dead-lettered.</Text>
          ) : (
            <>
              <DeadLetterTable letters={data.dead_letters} selected={selected} onToggle={toggle} />
              <Table.Pagination
                count={data.count}
                pageSize={PAGE_SIZE}
                pageIndex={pageIndex}
                pageCount={pageCount}
                canPreviousPage={pageIndex > 0}
                canNextPage={pageIndex + 1 < pageCount}
                previousPage={() => setPageIndex((index) => index - 1)}
                nextPage={() => setPageIndex((index) => index + 1)}
              />
            </>
          )}
        </Container>
      )}
    </div>
  )
}

export default QueuePage
