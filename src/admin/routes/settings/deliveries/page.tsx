import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EnvelopeSolid } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { QueryState } from "../../../components/query-state"
import { useDeliveries } from "../../../hooks/use-deliveries"
import { CHANNELS, STATUSES, type DeliveryFilters } from "../../../lib/deliveries"
import { DeliveryFilterBar } from "./components/delivery-filter-bar"
import { DeliveryTable } from "./components/delivery-table"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 20

/** Filters and page live in the URL, so going back from a message keeps them. */
function useListParams() {
  const [params, setParams] = useSearchParams()
  const filters: DeliveryFilters = {
    status: STATUSES.find((status) => status === params.get("status")),
    channel: CHANNELS.find((channel) => channel === params.get("channel")),
  }
  const pageIndex = Math.max(0, Number(params.get("page")) || 0)
  const update = (next: DeliveryFilters, page: number) => {
    const entries = Object.entries({ ...next, page: page ? String(page) : undefined })
    setParams(entries.flatMap(([key, value]): [string, string][] => (value ? [[key, value]] : [])), { replace: true })
  }
  return { filters, pageIndex, setFilters: (next: DeliveryFilters) => update(next, 0), setPage: (page: number) => update(filters, page) }
}

const DeliveriesPage = () => {
  const { filters, pageIndex, setFilters, setPage } = useListParams()
  const { data, isLoading, isError, error, refetch } = useDeliveries(filters, { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })
  const filtered = Boolean(filters.status || filters.channel)

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Deliveries</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every email and SMS CommerceBridge sent or tried to send, newest first. Refreshes every 5 seconds.
        </Text>
      </div>
      <DeliveryFilterBar filters={filters} onChange={setFilters} />
      <QueryState what="messages" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.count === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" role="status">
          {filtered ? (
            "No messages match these filters."
          ) : (
            <>
              No messages yet. Messages appear here when orders are placed, or send a test message from{" "}
              <Link to="../integrations" relative="path" className="text-ui-fg-interactive hover:underline">
                Integrations
              </Link>
              .
            </>
          )}
        </Text>
      )}
      {data && data.count > 0 && (
        <div>
          <DeliveryTable deliveries={data.deliveries} />
          <Pager count={data.count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPage} />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Deliveries",
  icon: EnvelopeSolid,
})

export default DeliveriesPage
