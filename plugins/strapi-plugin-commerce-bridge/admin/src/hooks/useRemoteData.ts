import * as React from 'react';
import { isAbort, readableError } from '../api/errors';

export interface RemoteData<T> {
  data: T | undefined;
  /** A readable message, never a stack trace. */
  error: string | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the data without a request (after a save answered with the new value). */
  setData: (data: T) => void;
}

/**
 * Loads `load()` now and again whenever it changes (wrap it in useCallback with its inputs).
 * Keeps the last data while reloading so tables do not flash empty between pages.
 */
export function useRemoteData<T>(load: () => Promise<T>): RemoteData<T> {
  const [data, setData] = React.useState<T>();
  const [error, setError] = React.useState<string>();
  const [loading, setLoading] = React.useState(true);
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    setLoading(true);
    load()
      .then((value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
      })
      .catch((failure) => {
        if (current && !isAbort(failure)) setError(readableError(failure));
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = React.useCallback(() => setAttempt((value) => value + 1), []);
  return { data, error, loading, reload, setData };
}
