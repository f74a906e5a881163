import { Box, Button, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import type { Run } from '../api/types';
import { formatDateTime } from '../utils/format';
import { RunProgress } from './RunProgress';

interface RunControlProps {
  /** Stable prefix of the test ids: `<testId>` (button), `<testId>-progress`, `<testId>-error`. */
  testId: string;
  label: string;
  description: string;
  icon: React.ReactNode;
  run: Run | undefined;
  error: string | undefined;
  starting: boolean;
  running: boolean;
  onStart: () => void;
}

const percent = (run: Run) => {
  if (run.status !== 'running') return 100;
  return run.total > 0 ? Math.min(100, Math.round((run.done / run.total) * 100)) : 0;
};

const tone = (run: Run) => {
  if (run.status === 'running') return 'primary600';
  if (run.status === 'failed') return 'danger500';
  return run.failed ? 'warning500' : 'success500';
};

const summary = (run: Run) => {
  const counts = run.total > 0 || run.status !== 'running' ? `${run.done} of ${run.total} done` : 'counting what to send…';
  const failures = run.failed ? `, ${run.failed} failed` : '';
  if (run.status === 'running') return `Running: ${counts}${failures}`;
  if (run.status === 'completed') return `Completed ${formatDateTime(run.finished_at)}: ${counts}${failures}`;
  return `Stopped ${formatDateTime(run.finished_at)}: ${counts}${failures}`;
};

/** One long-running job ("Pull catalogue", "Push all content"): its button and its progress. */
export const RunControl = ({ testId, label, description, icon, run, error, starting, running, onStart }: RunControlProps) => {
  const descriptionId = `${testId}-description`;
  const progressLabelId = `${testId}-progress-label`;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} padding={4} hasRadius borderColor="neutral150" flex="1 1 36rem">
      <Flex justifyContent="space-between" alignItems="center" gap={4}>
        <Typography id={descriptionId} textColor="neutral600">
          {description}
        </Typography>
        <Box flex="0 0 auto">
          <Button startIcon={icon} onClick={onStart} loading={starting || running} disabled={starting || running} aria-describedby={descriptionId} data-testid={testId}>
            {label}
          </Button>
        </Box>
      </Flex>

      {run && (
        <Flex direction="column" alignItems="stretch" gap={2} data-testid={`${testId}-progress`} data-status={run.status}>
          <Typography id={progressLabelId} variant="pi" textColor={run.status === 'failed' ? 'danger600' : 'neutral700'} aria-live="polite">
            {summary(run)}
          </Typography>
          <RunProgress percent={percent(run)} tone={tone(run)} labelledBy={progressLabelId} />
          {run.error && (
            <Typography variant="pi" textColor="danger600" tag="p">
              {run.error}
            </Typography>
          )}
        </Flex>
      )}

      {error && (
        <Typography role="alert" textColor="danger600" data-testid={`${testId}-error`}>
          {error}
        </Typography>
      )}
    </Flex>
  );
};
