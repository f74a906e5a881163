import { ArrowsCounterClockwise } from '@strapi/icons';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import * as React from 'react';
import { useCommerceBridgeApi } from '../api/client';
import { readableError } from '../api/errors';
import { PERMISSIONS } from '../permissions';
import { entityOfUid } from '../pluginId';
import { ENTRY_SYNCED_EVENT, isPublished, type EditViewProps } from './context';

/**
 * Edit view › "Sync to Medusa": sends the published version of a product, category or collection
 * now. Hidden elsewhere and for users without the sync permission.
 */
export const SyncToMedusaAction = (props: EditViewProps) => {
  const entity = entityOfUid(props.model);
  const api = useCommerceBridgeApi();
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.sync);
  const [syncing, setSyncing] = React.useState(false);

  if (!entity || isLoading || !allowedActions.canSync) return null;

  const { documentId } = props;
  const published = isPublished(props);

  return {
    label: published ? 'Sync to Medusa' : 'Sync to Medusa (publish the entry first)',
    icon: <ArrowsCounterClockwise />,
    position: 'panel' as const,
    disabled: !published || syncing,
    loading: syncing,
    onClick: async () => {
      if (!documentId) return;
      setSyncing(true);
      try {
        const entry = await api.syncDocument(entity, documentId);
        toggleNotification(
          entry.outcome === 'succeeded'
            ? { type: 'success', message: 'The published content was sent to Medusa.' }
            : { type: 'danger', title: 'Medusa did not take the content', message: entry.error ?? 'The delivery failed; it is in the sync log.' }
        );
      } catch (failure) {
        toggleNotification({ type: 'danger', message: readableError(failure) });
      } finally {
        setSyncing(false);
        window.dispatchEvent(new CustomEvent(ENTRY_SYNCED_EVENT, { detail: { documentId } }));
      }
    },
  };
};

SyncToMedusaAction.position = 'panel';
