import { Table, Text } from "@medusajs/ui"
import type { KeyboardEvent } from "react"
import { useNavigate } from "react-router-dom"
import { CHANNEL_LABELS, formatDate, type Delivery } from "../../../../lib/deliveries"
import { DeliveryStatusBadge, StatusReason } from "./delivery-status-badge"

/** The messages; a row opens the message on click, Enter or Space. */
export function DeliveryTable({ deliveries }: { deliveries: Delivery[] }) {
  const navigate = useNavigate()
  const open = (id: string) => navigate(encodeURIComponent(id))
  const openWithKey = (event: KeyboardEvent, id: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault()
      open(id)
    }
  }

  return (
    <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Created</Table.HeaderCell>
            <Table.HeaderCell>Channel</Table.HeaderCell>
            <Table.HeaderCell>Recipient</Table.HeaderCell>
            <Table.HeaderCell>Template</Table.HeaderCell>
            <Table.HeaderCell>Provider</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Attempts</Table.HeaderCell>
            <Table.HeaderCell>Last change</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {deliveries.map((delivery) => (
            <Table.Row
              key={delivery.id}
              tabIndex={0}
              data-testid={`delivery-${delivery.id}`}
              className="cursor-pointer focus-visible:bg-ui-bg-highlight focus-visible:outline-none"
              onClick={() => open(delivery.id)}
              onKeyDown={(event) => openWithKey(event, delivery.id)}
            >
              <Table.Cell className="whitespace-nowrap">{formatDate(delivery.created_at)}</Table.Cell>
              <Table.Cell>{CHANNEL_LABELS[delivery.channel]}</Table.Cell>
              <Table.Cell>{delivery.recipient}</Table.Cell>
              <Table.Cell className="max-w-[220px]">
                <Text size="small" leading="compact" className="truncate">
                  {delivery.template}
                </Text>
                {delivery.subject && (
                  <Text size="xsmall" className="truncate text-ui-fg-muted" title={delivery.subject}>
                    {delivery.subject}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>{delivery.provider ?? "—"}</Table.Cell>
              <Table.Cell className="py-2">
                <DeliveryStatusBadge status={delivery.status} />
                <StatusReason delivery={delivery} truncate />
              </Table.Cell>
              <Table.Cell className="text-right">{delivery.attempts}</Table.Cell>
              <Table.Cell className="whitespace-nowrap">{formatDate(delivery.status_changed_at ?? delivery.updated_at)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
