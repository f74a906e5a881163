import { Table, Text } from "@medusajs/ui"
import type { KeyboardEvent, ReactNode } from "react"
import { formatDate, formatUsd, KIND_LABELS, type Engagement } from "../../lib/engagements"
import { EngagementStatusBadge } from "./engagement-status-badge"

interface EngagementTableProps {
  engagements: Engagement[]
  /** The engagement shown now, marked in the table. */
  selectedId?: string | null
  onOpen: (engagement: Engagement) => void
  /** An extra first column (e.g. the product), with its header. */
  lead?: { header: string; cell: (engagement: Engagement) => ReactNode }
}

/** Drafts as rows; a row opens its draft on click, Enter or Space. */
export function EngagementTable({ engagements, selectedId, onOpen, lead }: EngagementTableProps) {
  const openWithKey = (event: KeyboardEvent, engagement: Engagement) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault()
      onOpen(engagement)
    }
  }
  return (
    <div className="overflow-x-auto">
      <Table>
        <Table.Header>
          <Table.Row>
            {lead && <Table.HeaderCell>{lead.header}</Table.HeaderCell>}
            <Table.HeaderCell>Created</Table.HeaderCell>
            <Table.HeaderCell>Kind</Table.HeaderCell>
            <Table.HeaderCell>Locale</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Cost</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {engagements.map((engagement) => (
            <Table.Row
              key={engagement.id}
              tabIndex={0}
              aria-selected={engagement.id === selectedId}
              aria-label={`Open ${KIND_LABELS[engagement.kind]} draft of ${formatDate(engagement.created_at)}`}
              data-testid={`engagement-${engagement.id}`}
              className="cursor-pointer focus-visible:bg-ui-bg-highlight focus-visible:outline-none aria-selected:bg-ui-bg-highlight"
              onClick={() => onOpen(engagement)}
              onKeyDown={(event) => openWithKey(event, engagement)}
            >
              {lead && <Table.Cell className="max-w-[240px] truncate">{lead.cell(engagement)}</Table.Cell>}
              <Table.Cell className="whitespace-nowrap">{formatDate(engagement.created_at)}</Table.Cell>
              <Table.Cell>{KIND_LABELS[engagement.kind]}</Table.Cell>
              <Table.Cell>{engagement.locale}</Table.Cell>
              <Table.Cell>
                <EngagementStatusBadge status={engagement.status} />
                {engagement.status === "sent" && (
                  <Text size="xsmall" className="whitespace-nowrap text-ui-fg-subtle">
                    {formatDate(engagement.applied_at)}
                  </Text>
                )}
                {engagement.status === "failed" && engagement.error && (
                  <Text size="xsmall" className="max-w-[220px] truncate text-ui-fg-error" title={engagement.error}>
                    {engagement.error}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell className="text-right">{engagement.reused_from_id ? "Reused" : formatUsd(engagement.cost_usd)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
