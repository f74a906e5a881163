import { Box, Button, Flex, Grid, Loader, Status, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { ConnectionStatus } from '../api/types';
import type { RemoteData } from '../hooks/useRemoteData';
import { RequestError } from './RequestError';

interface ConnectionStatusCardProps {
  status: RemoteData<ConnectionStatus>;
  canChangeSettings: boolean;
}

const Fact = ({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) => (
  <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600" tag="dt">
      {label}
    </Typography>
    <Box tag="dd" data-testid={testId}>
      {children}
    </Box>
  </Grid.Item>
);

const StatusText = ({ variant, children }: { variant: 'success' | 'danger' | 'neutral'; children: string }) => (
  <Status variant={variant} size="S">
    <Typography fontWeight="bold">{children}</Typography>
  </Status>
);

const secretStatus = (valid: boolean | null) =>
  valid === true ? <StatusText variant="success">Valid</StatusText> : valid === false ? <StatusText variant="danger">Rejected</StatusText> : <StatusText variant="neutral">Not checked</StatusText>;

/** Whether Medusa answers our signed ping, with the reason when it does not. */
export const ConnectionStatusCard = ({ status, canChangeSettings }: ConnectionStatusCardProps) => {
  const { data, error, loading, reload } = status;

  return (
    <Box tag="section" aria-labelledby="commerce-bridge-status-title" data-testid="commerce-bridge-status" background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex justifyContent="space-between" alignItems="center" marginBottom={4} gap={4}>
        <Typography variant="delta" tag="h2" id="commerce-bridge-status-title">
          Connection to Medusa
        </Typography>
        <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} onClick={reload} loading={loading && Boolean(data)} data-testid="commerce-bridge-status-refresh">
          Check again
        </Button>
      </Flex>

      {loading && !data && !error && (
        <Flex gap={2} alignItems="center" data-testid="commerce-bridge-status-loading">
          <Loader small>Checking the connection to Medusa…</Loader>
          <Typography textColor="neutral600">Checking the connection to Medusa…</Typography>
        </Flex>
      )}
      {error && <RequestError message={error} onRetry={reload} testId="commerce-bridge-status-error" />}

      {data && !error && (
        <>
          <Grid.Root gap={4} tag="dl">
            <Fact label="Medusa URL" testId="commerce-bridge-status-url">
              <Typography fontWeight="semiBold" style={{ wordBreak: 'break-all' }}>
                {data.medusa_url ?? 'Not set'}
              </Typography>
            </Fact>
            <Fact label="Reachable" testId="commerce-bridge-status-reachable">
              {data.reachable ? <StatusText variant="success">Yes</StatusText> : <StatusText variant="danger">No</StatusText>}
            </Fact>
            <Fact label="Webhook secret" testId="commerce-bridge-status-secret">
              {secretStatus(data.secret_valid)}
            </Fact>
            <Fact label="Latency" testId="commerce-bridge-status-latency">
              <Typography>{data.reachable ? `${data.latency_ms} ms` : '—'}</Typography>
            </Fact>
          </Grid.Root>
          {data.error && (
            <Box marginTop={4} padding={3} hasRadius background="danger100" data-testid="commerce-bridge-status-problem" role="status">
              <Typography textColor="danger700">{data.error}</Typography>
              {canChangeSettings && (
                <Typography textColor="danger700">
                  {' '}
                  <RouterLink to="/settings/commerce-bridge">Open the Commerce Bridge settings</RouterLink>
                </Typography>
              )}
            </Box>
          )}
        </>
      )}
    </Box>
  );
};
