import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../entities';
import { signedHeaders } from '../signing';
import type { PushRun } from './push-all';

/** A request to Medusa that failed; `status` is undefined when Medusa could not be reached. */
export class MedusaRequestError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'MedusaRequestError';
  }

  /** Worth retrying later: Medusa down, timing out, busy, or the integration switched off. */
  get retryable(): boolean {
    return this.status === undefined || this.status >= 500 || [408, 409, 429].includes(this.status);
  }
}

/** A full catalogue sync as Medusa reports it. */
export interface CatalogueSyncRun extends PushRun {
  entities: string[];
}

const messageOf = (body: unknown): string | undefined => {
  if (body && typeof body === 'object' && 'message' in body) return String((body as { message: unknown }).message);
  return undefined;
};

/** Signed requests to Medusa's `/webhooks/strapi/*` routes. */
const medusa = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.plugin(PLUGIN_ID).service('settings');

  async function request<T>(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<T> {
    const { medusaUrl, webhookSecret } = await settings().connection();
    if (!medusaUrl) throw new MedusaRequestError('The Medusa URL is not set (Commerce Bridge settings)', 409);
    if (!webhookSecret) throw new MedusaRequestError('The webhook secret is not set (Commerce Bridge settings)', 409);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    let response: Response;
    try {
      response = await fetch(`${medusaUrl}/webhooks/strapi/${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...signedHeaders(webhookSecret, body) },
        body: method === 'GET' ? undefined : body,
        signal: AbortSignal.timeout(settings().config().requestTimeoutMs),
      });
    } catch (error) {
      // fetch wraps the network error; localhost tries IPv6 and IPv4, so it may be an AggregateError.
      const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
      const reason = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).name;
      throw new MedusaRequestError(`Medusa is unreachable at ${medusaUrl} (${reason})`);
    }
    const parsed = await response.json().catch(() => undefined);
    if (!response.ok) {
      const reason = messageOf(parsed) ?? response.statusText;
      throw new MedusaRequestError(`Medusa answered ${response.status}: ${reason}`, response.status);
    }
    return parsed as T;
  }

  return {
    sendContent: (payload: Record<string, unknown>) =>
      request<{ stored: boolean; medusa_id: string }>('POST', 'content', payload),

    /** Asks Medusa to stop serving an entry's content (unpublished or deleted here). */
    withdrawContent: (payload: Record<string, unknown>) =>
      request<{ removed: boolean; medusa_id: string }>('POST', 'content-withdrawals', payload),

    startCatalogueSync: (entities?: string[]) =>
      request<{ run: CatalogueSyncRun }>('POST', 'catalogue-syncs', entities ? { entities } : {}),

    catalogueSync: (id: string) => request<{ run: CatalogueSyncRun }>('GET', `catalogue-syncs/${encodeURIComponent(id)}`),

    /** The admin page's connection status: Medusa reachable, and our secret accepted. */
    async ping() {
      const started = Date.now();
      const { medusaUrl } = await settings().connection();
      try {
        await request('GET', 'ping');
        return { medusa_url: medusaUrl || null, reachable: true, secret_valid: true, error: null, latency_ms: Date.now() - started };
      } catch (error) {
        const { status, message } = error as MedusaRequestError;
        return {
          medusa_url: medusaUrl || null,
          reachable: status !== undefined && status !== 409,
          secret_valid: status === 401 ? false : null,
          error: status === 401 ? 'Medusa rejected the webhook secret' : message,
          latency_ms: Date.now() - started,
        };
      }
    },
  };
};

export default medusa;
