import { Flex, Typography } from '@strapi/design-system';
import { Download, Upload } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import * as React from 'react';
import { useCommerceBridgeApi, type CommerceBridgeApi } from '../api/client';
import type { Run } from '../api/types';
import { ConnectionStatusCard } from '../components/ConnectionStatusCard';
import { RunControl } from '../components/RunControl';
import { SyncLogSection } from '../components/SyncLogSection';
import { useRemoteData } from '../hooks/useRemoteData';
import { useRun } from '../hooks/useRun';
import { PERMISSIONS } from '../permissions';

const SYNC_AND_SETTINGS = [...PERMISSIONS.sync, ...PERMISSIONS.settings];

interface CatalogueRunsProps {
  api: CommerceBridgeApi;
  onFinished: (label: string, run: Run) => void;
}

const CatalogueRuns = ({ api, onFinished }: CatalogueRunsProps) => {
  const pull = useRun(api, 'pulls', (run) => onFinished('Pulling the catalogue from Medusa', run));
  const push = useRun(api, 'pushes', (run) => onFinished('Pushing all content to Medusa', run));

  return (
    <Flex tag="section" aria-labelledby="commerce-bridge-runs-title" direction="column" alignItems="stretch" gap={4} background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Typography variant="delta" tag="h2" id="commerce-bridge-runs-title">
        Sync everything
      </Typography>
      <Flex gap={4} wrap="wrap" alignItems="stretch">
        <RunControl
          testId="commerce-bridge-pull"
          label="Pull catalogue from Medusa"
          description="Medusa sends every product, category and collection (handle and title) to Strapi."
          icon={<Download />}
          run={pull.run}
          error={pull.error}
          starting={pull.starting}
          running={pull.running}
          onStart={pull.start}
        />
        <RunControl
          testId="commerce-bridge-push"
          label="Push all content"
          description="Strapi sends the published content of every entry to Medusa."
          icon={<Upload />}
          run={push.run}
          error={push.error}
          starting={push.starting}
          running={push.running}
          onStart={push.start}
        />
      </Flex>
    </Flex>
  );
};

const CommerceBridgePage = () => {
  const api = useCommerceBridgeApi();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(SYNC_AND_SETTINGS);
  const status = useRemoteData(api.status);
  const [logRefresh, setLogRefresh] = React.useState(0);

  const runFinished = React.useCallback(
    (label: string, run: Run) => {
      setLogRefresh((value) => value + 1);
      const failures = run.failed ? ` (${run.failed} failed: see the sync log)` : '';
      toggleNotification(
        run.status === 'completed'
          ? { type: run.failed ? 'warning' : 'success', message: `${label}: done, ${run.done} of ${run.total}${failures}.` }
          : { type: 'danger', message: `${label} stopped: ${run.error ?? 'unknown error'}` }
      );
    },
    [toggleNotification]
  );

  return (
    <Page.Main>
      <Page.Title>Commerce Bridge</Page.Title>
      <Layouts.Header title="Commerce Bridge" subtitle="Keeps Strapi content and the Medusa catalogue in step" />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <ConnectionStatusCard status={status} canChangeSettings={Boolean(allowedActions.canSettings)} />
          {allowedActions.canSync && <CatalogueRuns api={api} onFinished={runFinished} />}
          <SyncLogSection api={api} canRetry={Boolean(allowedActions.canSync)} refreshKey={logRefresh} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** The plugin page: connection status, pull/push runs and the sync log (read permission). */
const HomePage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <CommerceBridgePage />
  </Page.Protect>
);

export default HomePage;
