interface FetchFailure {
  name?: string;
  message?: string;
  status?: number;
  response?: { data?: { error?: { message?: string } } };
}

const BY_STATUS: Record<number, string> = {
  401: 'Your session has expired: log in again.',
  403: 'You do not have the permission to do this.',
  404: 'Not found.',
  500: 'Strapi failed to answer (see the server log).',
};

/** Requests the fetch client cancelled because the component unmounted: nothing to show. */
export const isAbort = (error: unknown) => (error as FetchFailure | undefined)?.name === 'AbortError';

/**
 * One readable sentence for any failed request: the server's own message when it sent one, a
 * plain explanation of the status otherwise; never a stack trace.
 */
export function readableError(error: unknown): string {
  const failure = (error ?? {}) as FetchFailure;
  // Strapi's own 401/403 messages ("Policy Failed", "Forbidden") explain nothing.
  if (failure.status === 401 || failure.status === 403) return BY_STATUS[failure.status];
  const serverMessage = failure.response?.data?.error?.message ?? failure.message;
  const generic = !serverMessage || /^(Server Error|Unknown Server Error|Internal Server Error|Forbidden|Unauthorized|Not Found)$/i.test(serverMessage);
  if (!generic && failure.name !== 'TypeError') return firstLine(serverMessage);
  if (failure.status && BY_STATUS[failure.status]) return BY_STATUS[failure.status];
  if (failure.status) return `The request failed (HTTP ${failure.status}).`;
  return 'Strapi could not be reached: check your network connection and try again.';
}

const firstLine = (text: string) => text.split('\n')[0].slice(0, 500);
