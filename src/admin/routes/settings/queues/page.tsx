import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { QueryState } from "../../../components/query-state"
import { usePauseQueue, useQueues } from "../../../hooks/use-queues"
import { COUNT_COLUMNS, QueueSummary } from "../../../lib/queues"
import { errorMessage } from "../../../lib/sdk"

function PauseButton({ queue }: { queue: QueueSummary }) {
  const pause = usePauseQueue()
  const action = queue.counts.paused ? "resume" : "pause"
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={pause.isPending}
      onClick={() =>
        pause.mutate(
          { name: queue.name, action },
          {
            onSuccess: () => toast.success(`${queue.name} ${action === "pause" ? "paused" : "resumed"}`),
            onError: (error) => toast.error(errorMessage(error)),
          }
        )
      }
    >
      {action === "pause" ? "Pause" : "Resume"}
    </Button>
  )
}

const QueuesPage = () => {
  const { data, isLoading, isError, error, refetch } = useQueues()

  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Queues</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Background deliveries of CommerceBridge: what waits, runs, retries and what gave up.
          </Text>
        </div>
        {data && (
          <div className="flex items-center gap-x-2">
            <Badge size="2xsmall">{data.provider === "bullmq" ? "BullMQ · Redis" : "In-process"}</Badge>
            {!data.consumes_jobs && <Badge size="2xsmall" color="orange">This instance does not consume</Badge>}
          </div>
        )}
      </div>
      <QueryState what="queues" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.queues.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No queue has received a job yet.
        </Text>
      )}
      {data && data.queues.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Queue</Table.HeaderCell>
              {COUNT_COLUMNS.map((column) => (
                <Table.HeaderCell key={column.key} className="text-right">
                  {column.label}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell className="text-right">Jobs / min</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.queues.map((queue) => (
              <Table.Row key={queue.name} data-testid={`queue-${queue.name}`}>
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    <Link to={encodeURIComponent(queue.name)} className="text-ui-fg-interactive hover:underline">
                      {queue.name}
                    </Link>
                    {queue.counts.paused && <StatusBadge color="orange">Paused</StatusBadge>}
                  </div>
                </Table.Cell>
                {COUNT_COLUMNS.map((column) => (
                  <Table.Cell key={column.key} className="text-right">
                    {column.key === "dead" && queue.counts.dead > 0 ? (
                      <span className="text-ui-fg-error">{queue.counts.dead}</span>
                    ) : (
                      queue.counts[column.key]
                    )}
                  </Table.Cell>
                ))}
                <Table.Cell className="text-right">{queue.throughput_per_minute}</Table.Cell>
                <Table.Cell className="text-right">
                  <PauseButton queue={queue} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Queues",
})

export default QueuesPage
