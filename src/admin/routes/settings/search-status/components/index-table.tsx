import { Badge, StatusBadge, Table, Text } from "@medusajs/ui"
import { driftText, formatDate, INDEX_STATUS_LOOK, ReindexPhase, SearchIndexView } from "../../../../lib/search"
import { LastSyncCell } from "./last-sync-cell"
import { ReindexControl } from "./reindex-control"

interface IndexTableProps {
  indexes: SearchIndexView[]
  phaseOf: (index: SearchIndexView) => ReindexPhase
  onReindex: (index: SearchIndexView) => void
  /** The index whose reindex request is on its way, and the error of the last one. */
  requesting?: string
  requestError?: { index: string; error: unknown }
}

export function IndexTable({ indexes, phaseOf, onReindex, requesting, requestError }: IndexTableProps) {
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Index</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Documents / products</Table.HeaderCell>
          <Table.HeaderCell>Drift</Table.HeaderCell>
          <Table.HeaderCell>Last write</Table.HeaderCell>
          <Table.HeaderCell>Last sync</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Reindex</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {indexes.map((index) => (
          <Table.Row key={index.name} data-testid={`search-index-${index.name}`} className="[&_td]:py-3 [&_td]:align-top">
            <Table.Cell>
              <div className="flex flex-col">
                <Text size="small" weight="plus">{index.name}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {index.entity} · {index.provider}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell>
              <StatusBadge color={INDEX_STATUS_LOOK[index.status].color}>{INDEX_STATUS_LOOK[index.status].label}</StatusBadge>
            </Table.Cell>
            <Table.Cell className="text-right" data-testid="search-index-counts">
              <DocumentCounts index={index} />
            </Table.Cell>
            <Table.Cell data-testid="search-index-drift">
              <Drift drift={index.drift} />
            </Table.Cell>
            <Table.Cell>
              <Text size="small">{formatDate(index.last_write_at)}</Text>
            </Table.Cell>
            <Table.Cell>
              <LastSyncCell sync={index.last_sync} />
            </Table.Cell>
            <Table.Cell className="text-right">
              <ReindexControl
                index={index}
                phase={phaseOf(index)}
                onReindex={() => onReindex(index)}
                isRequesting={requesting === index.name}
                error={requestError?.index === index.name ? requestError.error : undefined}
              />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

function DocumentCounts({ index }: { index: SearchIndexView }) {
  const documents = index.documents === null ? "—" : String(index.documents)
  return (
    <div className="flex flex-col items-end">
      <Text size="small">{index.products === null ? documents : `${documents} / ${index.products}`}</Text>
      {index.message && !index.degraded && (
        <Text size="xsmall" className="text-ui-fg-error max-w-[220px] break-words">
          Could not count: {index.message}
        </Text>
      )}
    </div>
  )
}

/** Products the index lacks or holds beyond the catalogue; anything but zero stands out. */
function Drift({ drift }: { drift: number | null }) {
  if (drift === null) return <Text size="small" className="text-ui-fg-subtle">—</Text>
  if (drift === 0) return <Text size="small" className="text-ui-fg-subtle">{driftText(0)}</Text>
  return (
    <Badge size="2xsmall" color="orange">
      {driftText(drift)}
    </Badge>
  )
}
