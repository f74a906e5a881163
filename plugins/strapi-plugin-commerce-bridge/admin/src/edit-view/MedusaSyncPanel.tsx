import { Flex, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import * as React from 'react';
import { useCommerceBridgeApi } from '../api/client';
import { OutcomeBadge } from '../components/OutcomeBadge';
import { useRemoteData } from '../hooks/useRemoteData';
import { PERMISSIONS } from '../permissions';
import { entityOfUid, type Entity } from '../pluginId';
import { describeEntry } from '../utils/describe-entry';
import { formatDateTime } from '../utils/format';
import { ENTRY_SYNCED_EVENT, isPublished, type EditViewProps } from './context';

const LastDelivery = ({ entity, documentId }: { entity: Entity; documentId: string }) => {
  const api = useCommerceBridgeApi();
  const load = React.useCallback(async () => (await api.syncLogs(1, 1, { direction: 'to_medusa', entity }, documentId)).results[0], [api, entity, documentId]);
  const last = useRemoteData(load);
  const { reload } = last;

  React.useEffect(() => {
    const onSynced = (event: Event) => (event as CustomEvent<{ documentId?: string }>).detail?.documentId === documentId && reload();
    window.addEventListener(ENTRY_SYNCED_EVENT, onSynced);
    return () => window.removeEventListener(ENTRY_SYNCED_EVENT, onSynced);
  }, [documentId, reload]);

  if (last.error) return <Typography textColor="danger600">{last.error}</Typography>;
  if (last.loading && !last.data) return <Typography textColor="neutral600">Loading the last delivery…</Typography>;
  if (!last.data) return <Typography textColor="neutral600">Not sent to Medusa yet.</Typography>;

  const entry = last.data;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Flex gap={2} alignItems="center">
        <Typography variant="pi" textColor="neutral600">
          Last delivery
        </Typography>
        <OutcomeBadge outcome={entry.outcome} />
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {formatDateTime(entry.updatedAt)}
      </Typography>
      {describeEntry(entry) && (
        <Typography variant="pi" textColor={entry.error ? 'danger600' : 'neutral600'}>
          {describeEntry(entry)}
        </Typography>
      )}
    </Flex>
  );
};

/**
 * Edit view side panel "Medusa": says why "Sync to Medusa" is unavailable on an unpublished entry
 * (the actions menu hides a disabled item's label) and shows the entry's last delivery.
 */
export const MedusaSyncPanel = (props: EditViewProps) => {
  const entity = entityOfUid(props.model);
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.read);

  if (!entity || !props.documentId) return null;

  const published = isPublished(props);
  return {
    title: 'Medusa',
    content: (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="commerce-bridge-entry-panel">
        {!published && (
          <Typography textColor="neutral600" data-testid="commerce-bridge-entry-unpublished">
            Only published content reaches Medusa: publish this entry to send it, or to use “Sync to Medusa”.
          </Typography>
        )}
        {!isLoading && allowedActions.canRead && <LastDelivery entity={entity} documentId={props.documentId} />}
      </Flex>
    ),
  };
};
