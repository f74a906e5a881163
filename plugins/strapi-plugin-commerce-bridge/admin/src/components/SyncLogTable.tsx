import { Button, Link, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { NavLink } from 'react-router-dom';
import type { SyncLogEntry } from '../api/types';
import { entityUid } from '../pluginId';
import { describeEntry } from '../utils/describe-entry';
import { DIRECTION_LABELS, ENTITY_LABELS, formatCompact, formatDateTime, TRIGGER_LABELS } from '../utils/format';
import { OutcomeBadge } from './OutcomeBadge';

interface SyncLogTableProps {
  entries: SyncLogEntry[];
  canRetry: boolean;
  retrying: Set<string>;
  onRetry: (entry: SyncLogEntry) => void;
}

const COLUMNS = ['Time', 'Direction', 'Entity', 'Trigger', 'Outcome', 'Medusa id', 'HTTP', 'Error or details', 'Attempts', 'Next attempt'];

// Long errors stay in the row's height; the full text is in the title.
const TWO_LINES = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', whiteSpace: 'normal' } as const;

const retryable = (entry: SyncLogEntry) => entry.direction === 'to_medusa' && entry.outcome === 'failed';

const EntityCell = ({ entry }: { entry: SyncLogEntry }) => {
  const label = ENTITY_LABELS[entry.entity] ?? entry.entity;
  if (entry.direction !== 'to_medusa' || !entry.entry_document_id) return <Typography>{label}</Typography>;
  return (
    <Link tag={NavLink} to={`/content-manager/collection-types/${entityUid(entry.entity)}/${entry.entry_document_id}`}>
      {label}
    </Link>
  );
};

export const SyncLogTable = ({ entries, canRetry, retrying, onRetry }: SyncLogTableProps) => (
  <Table colCount={COLUMNS.length + 1} rowCount={entries.length + 1}>
    <Thead>
      <Tr>
        {COLUMNS.map((column) => (
          <Th key={column}>
            <Typography variant="sigma" textColor="neutral600">
              {column}
            </Typography>
          </Th>
        ))}
        <Th>
          <VisuallyHidden>Actions</VisuallyHidden>
        </Th>
      </Tr>
    </Thead>
    <Tbody>
      {entries.map((entry) => {
        const message = describeEntry(entry);
        return (
          <Tr key={entry.documentId} data-testid={`commerce-bridge-log-row-${entry.documentId}`} data-outcome={entry.outcome}>
            <Td>
              <Typography textColor="neutral800" title={`${formatDateTime(entry.createdAt)} (updated ${formatDateTime(entry.updatedAt)})`}>
                {formatCompact(entry.createdAt)}
              </Typography>
            </Td>
            <Td>
              <Typography>{DIRECTION_LABELS[entry.direction] ?? entry.direction}</Typography>
            </Td>
            <Td>
              <EntityCell entry={entry} />
            </Td>
            <Td>
              <Typography>{TRIGGER_LABELS[entry.trigger] ?? entry.trigger}</Typography>
            </Td>
            <Td>
              <OutcomeBadge outcome={entry.outcome} />
            </Td>
            <Td>
              <Typography tag="code" variant="pi">
                {entry.medusa_id ?? '—'}
              </Typography>
            </Td>
            <Td>
              <Typography>{entry.http_status ?? '—'}</Typography>
            </Td>
            <Td maxWidth="22rem">
              <Typography textColor={entry.error ? 'danger600' : 'neutral600'} title={message} style={TWO_LINES}>
                {message || '—'}
              </Typography>
            </Td>
            <Td>
              <Typography>{entry.attempts ?? 0}</Typography>
            </Td>
            <Td>
              <Typography title={entry.next_attempt_at ? formatDateTime(entry.next_attempt_at) : undefined}>{formatCompact(entry.next_attempt_at)}</Typography>
            </Td>
            <Td>
              {canRetry && retryable(entry) && (
                <Button
                  variant="secondary"
                  size="S"
                  startIcon={<ArrowClockwise />}
                  loading={retrying.has(entry.documentId)}
                  disabled={retrying.has(entry.documentId)}
                  onClick={() => onRetry(entry)}
                  aria-label={`Retry sending ${entry.entity} ${entry.medusa_id ?? entry.entry_document_id ?? ''} to Medusa`.trim()}
                  data-testid={`commerce-bridge-retry-${entry.documentId}`}
                >
                  Retry
                </Button>
              )}
            </Td>
          </Tr>
        );
      })}
    </Tbody>
  </Table>
);
