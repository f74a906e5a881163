import * as React from 'react';
import { isAbort, readableError } from '../api/errors';
import type { CommerceBridgeApi } from '../api/client';
import type { Run, RunKind } from '../api/types';

const POLL_INTERVAL_MS = 1000;
const storageKey = (kind: RunKind) => `commerce-bridge:last-${kind}`;

/**
 * Starts a pull or push run and polls it until it has completed or failed. The run id is kept
 * in sessionStorage so a run started before leaving the page is picked up again on return.
 */
export function useRun(api: CommerceBridgeApi, kind: RunKind, onFinished?: (run: Run) => void) {
  const [run, setRun] = React.useState<Run>();
  const [error, setError] = React.useState<string>();
  const [starting, setStarting] = React.useState(false);
  const finished = React.useRef(onFinished);
  finished.current = onFinished;

  // A failed poll stops following the run; starting again picks the same run up on the server.
  const running = run?.status === 'running' && !error;
  const runId = run?.id;

  React.useEffect(() => {
    const remembered = window.sessionStorage.getItem(storageKey(kind));
    if (!remembered) return;
    api
      .run(kind, remembered)
      .then((found) => found.status === 'running' && setRun(found))
      .catch(() => window.sessionStorage.removeItem(storageKey(kind)));
  }, [api, kind]);

  React.useEffect(() => {
    if (!running || !runId) return;
    let stopped = false;
    const timer = window.setInterval(async () => {
      try {
        const next = await api.run(kind, runId);
        if (stopped) return;
        setRun(next);
        if (next.status !== 'running') finished.current?.(next);
      } catch (failure) {
        if (stopped || isAbort(failure)) return;
        setError(`Lost track of the run: ${readableError(failure)}`);
      }
    }, POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [api, kind, running, runId]);

  const start = React.useCallback(async () => {
    setStarting(true);
    setError(undefined);
    try {
      const started = await api.startRun(kind);
      window.sessionStorage.setItem(storageKey(kind), started.id);
      setRun(started);
      if (started.status !== 'running') finished.current?.(started);
    } catch (failure) {
      if (!isAbort(failure)) setError(readableError(failure));
    } finally {
      setStarting(false);
    }
  }, [api, kind]);

  return { run, error, starting, running, start };
}
