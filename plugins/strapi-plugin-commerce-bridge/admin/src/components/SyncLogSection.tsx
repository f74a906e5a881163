import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import type { CommerceBridgeApi } from '../api/client';
import { readableError } from '../api/errors';
import type { Direction, Outcome, SyncLogEntry, SyncLogFilters } from '../api/types';
import { useRemoteData } from '../hooks/useRemoteData';
import type { Entity } from '../pluginId';
import { DIRECTION_LABELS, ENTITY_LABELS, OUTCOME_LABELS } from '../utils/format';
import { FilterSelect } from './FilterSelect';
import { Pager } from './Pager';
import { RequestError } from './RequestError';
import { SyncLogTable } from './SyncLogTable';

const PAGE_SIZE = 20;

interface SyncLogSectionProps {
  api: CommerceBridgeApi;
  canRetry: boolean;
  /** Changes when something else (a finished run) may have added entries. */
  refreshKey: number;
}

export const SyncLogSection = ({ api, canRetry, refreshKey }: SyncLogSectionProps) => {
  const { toggleNotification } = useNotification();
  const [page, setPage] = React.useState(1);
  const [filters, setFilters] = React.useState<SyncLogFilters>({});
  const [retrying, setRetrying] = React.useState<Set<string>>(new Set());

  const load = React.useCallback(() => api.syncLogs(page, PAGE_SIZE, filters), [api, page, filters, refreshKey]);
  const log = useRemoteData(load);

  const filterBy = <K extends keyof SyncLogFilters>(key: K) => (value: SyncLogFilters[K]) => {
    setFilters((previous) => ({ ...previous, [key]: value }));
    setPage(1);
  };

  const clearFilters = () => {
    setFilters({});
    setPage(1);
  };

  const retry = async (entry: SyncLogEntry) => {
    setRetrying((previous) => new Set(previous).add(entry.documentId));
    try {
      const updated = await api.retry(entry.documentId);
      toggleNotification(
        updated.outcome === 'succeeded'
          ? { type: 'success', message: 'Sent to Medusa.' }
          : { type: 'danger', title: 'Medusa still refuses it', message: updated.error ?? 'The retry failed.' }
      );
    } catch (failure) {
      toggleNotification({ type: 'danger', message: readableError(failure) });
    } finally {
      setRetrying((previous) => {
        const next = new Set(previous);
        next.delete(entry.documentId);
        return next;
      });
      log.reload();
    }
  };

  const filtered = Object.values(filters).some(Boolean);
  const entries = log.data?.results ?? [];

  return (
    <Box tag="section" aria-labelledby="commerce-bridge-log-title" data-testid="commerce-bridge-log" aria-busy={log.loading} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex justifyContent="space-between" alignItems="flex-end" gap={4} wrap="wrap" marginBottom={4}>
        <Typography variant="delta" tag="h2" id="commerce-bridge-log-title">
          Sync log
        </Typography>
        <Flex gap={3} alignItems="flex-end" wrap="wrap">
          <FilterSelect<Outcome> name="outcome" label="Outcome" allLabel="All outcomes" options={OUTCOME_LABELS} value={filters.outcome} onChange={filterBy('outcome')} />
          <FilterSelect<Direction> name="direction" label="Direction" allLabel="Both directions" options={DIRECTION_LABELS} value={filters.direction} onChange={filterBy('direction')} />
          <FilterSelect<Entity> name="entity" label="Entity" allLabel="All entities" options={ENTITY_LABELS} value={filters.entity} onChange={filterBy('entity')} />
          <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={log.reload} loading={log.loading && Boolean(log.data)} data-testid="commerce-bridge-log-refresh">
            Refresh
          </Button>
        </Flex>
      </Flex>

      {log.error && <RequestError message={log.error} onRetry={log.reload} testId="commerce-bridge-log-error" />}

      {!log.error && log.loading && !log.data && (
        <Flex justifyContent="center" padding={8}>
          <Loader>Loading the sync log…</Loader>
        </Flex>
      )}

      {!log.error && log.data && entries.length === 0 && (
        <Box data-testid="commerce-bridge-log-empty">
          <EmptyStateLayout
            content={filtered ? 'No sync log entries match these filters.' : 'Nothing has been synced yet. Entries appear here when content is published, pushed or pulled.'}
            action={
              filtered ? (
                <Button variant="secondary" onClick={clearFilters} data-testid="commerce-bridge-log-clear-filters">
                  Clear the filters
                </Button>
              ) : undefined
            }
          />
        </Box>
      )}

      {!log.error && log.data && entries.length > 0 && (
        <>
          <SyncLogTable entries={entries} canRetry={canRetry} retrying={retrying} onRetry={retry} />
          <Pager pagination={log.data.pagination} onPage={setPage} disabled={log.loading} />
        </>
      )}
    </Box>
  );
};
