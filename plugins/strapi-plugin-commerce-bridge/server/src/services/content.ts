import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { EDITOR_OWNED_FIELDS, entityUid, PLUGIN_ID, type Entity } from '../entities';
import type { MedusaRequestError } from './medusa';
import { isWithdrawal, type SyncLogEntry, type Trigger, type WithdrawalTrigger } from './sync-log';

export interface MediaFile {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
}

export type PublishedEntry = Record<string, unknown> & { documentId: string; medusa_id: string; gallery?: MediaFile[] | null };

/** An entry whose content Medusa should stop serving, read before it was unpublished or deleted. */
export interface Withdrawal {
  medusa_id: string;
  document_id: string;
  locale?: string | null;
}

/** Thrown for an entry that cannot be sent at all (never published, no Medusa id). */
export class NotDeliverableError extends Error {
  name = 'NotDeliverableError';
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Sends editor-owned content to Medusa, and withdraws it, recording every attempt in the sync log. */
const content = ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin(PLUGIN_ID);
  const log = () => plugin().service('syncLog');

  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${strapi.config.get('server.absoluteUrl')}${url}`);

  /** The editor-owned fields of the published version, as Medusa stores them. */
  function editorContent(entity: Entity, entry: PublishedEntry) {
    const fields = Object.fromEntries(EDITOR_OWNED_FIELDS[entity].map((field) => [field, entry[field] ?? null]));
    if (entity === 'product') {
      fields.gallery = (entry.gallery ?? []).map((file) => ({
        url: absolute(file.url),
        alternative_text: file.alternativeText ?? null,
        width: file.width ?? null,
        height: file.height ?? null,
      }));
      fields.sections = Array.isArray(entry.sections) ? entry.sections : [];
    }
    return fields;
  }

  async function published(entity: Entity, documentId: string): Promise<PublishedEntry> {
    const entry = (await strapi.documents(entityUid(entity) as any).findOne({
      documentId,
      status: 'published',
      populate: entity === 'product' ? ['gallery'] : [],
    } as any)) as unknown as PublishedEntry | null;
    if (!entry) throw new NotDeliverableError('Only published content reaches Medusa: publish the entry first');
    if (!entry.medusa_id) throw new NotDeliverableError('The entry has no Medusa id');
    return entry;
  }

  function nextAttemptAt(attempts: number): string | null {
    const { maxAttempts, retryBackoffMs } = plugin().service('settings').config();
    if (attempts >= maxAttempts) return null;
    return new Date(Date.now() + Math.min(retryBackoffMs * 2 ** (attempts - 1), 3_600_000)).toISOString();
  }

  /**
   * One request to Medusa, recorded in the sync log: a new entry, or `retryOf` updated in place. A failure
   * Medusa may recover from (down, busy, switched off) gets its next attempt with backoff.
   */
  async function attempt(base: Partial<SyncLogEntry>, retryOf: SyncLogEntry | undefined, send: () => Promise<Record<string, unknown>>) {
    const attempts = (retryOf?.attempts ?? 0) + 1;
    const record = (data: Partial<SyncLogEntry>): Promise<SyncLogEntry> =>
      retryOf ? log().update(retryOf.documentId, { ...base, trigger: retryOf.trigger, ...data }) : log().create({ ...base, ...data });
    try {
      const details = await send();
      return record({ outcome: 'succeeded', http_status: 200, error: null, attempts, next_attempt_at: null, details });
    } catch (error) {
      const failure = error as MedusaRequestError;
      return record({
        outcome: 'failed',
        http_status: failure.status ?? null,
        error: failure.message,
        attempts,
        next_attempt_at: failure.retryable ? nextAttemptAt(attempts) : null,
      });
    }
  }

  return {
    editorContent,

    /**
     * Sends one entry's published content. Unchanged content (same hash as the last accepted
     * delivery) is skipped unless `force`; a failure Medusa may recover from is retried later.
     * `retryOf` updates that failed entry instead of adding a new one.
     */
    async deliver(
      entity: Entity,
      documentId: string,
      trigger: Trigger,
      { force = false, retryOf }: { force?: boolean; retryOf?: SyncLogEntry } = {}
    ): Promise<SyncLogEntry> {
      const entry = await published(entity, documentId);
      const fields = editorContent(entity, entry);
      const contentHash = sha256(fields);
      const base = { direction: 'to_medusa' as const, entity, trigger, medusa_id: entry.medusa_id, entry_document_id: documentId, content_hash: contentHash };
      if (!force && (await log().lastDelivered(entity, documentId))?.content_hash === contentHash) {
        return log().create({ ...base, outcome: 'skipped', details: { reason: 'unchanged since the last delivery' } });
      }
      return attempt(base, retryOf, async () => {
        const answer = await plugin().service('medusa').sendContent({
          entity,
          medusa_id: entry.medusa_id,
          document_id: documentId,
          locale: (entry.locale as string | undefined) ?? null,
          published_at: entry.publishedAt ?? null,
          content_hash: contentHash,
          origin: 'strapi',
          content: fields,
        });
        return { stored: answer.stored };
      });
    },

    /**
     * Tells Medusa to stop serving an entry's content after an editor unpublished or deleted it.
     * Skipped when an entry with this Medusa id is published (again) by the time it is sent: its
     * delivery is the newer word. Its log entry holds no content hash, so republishing the same content
     * afterwards is sent again rather than skipped as unchanged.
     */
    async withdraw(
      entity: Entity,
      { medusa_id, document_id, locale = null }: Withdrawal,
      trigger: WithdrawalTrigger,
      { retryOf }: { retryOf?: SyncLogEntry } = {}
    ): Promise<SyncLogEntry> {
      const base = { direction: 'to_medusa' as const, entity, trigger, medusa_id, entry_document_id: document_id, content_hash: null, details: { locale } };
      const republished = await strapi.documents(entityUid(entity) as any).findFirst({
        filters: { medusa_id },
        status: 'published',
        fields: ['medusa_id'],
      } as any);
      if (republished) {
        const skipped = { outcome: 'skipped' as const, next_attempt_at: null, details: { locale, reason: 'published again since: nothing to withdraw' } };
        return retryOf ? log().update(retryOf.documentId, skipped) : log().create({ ...base, ...skipped });
      }
      return attempt(base, retryOf, async () => {
        const answer = await plugin().service('medusa').withdrawContent({ entity, medusa_id, document_id, locale, reason: trigger, origin: 'strapi' });
        return { locale, removed: answer.removed };
      });
    },

    /** Retries one failed delivery or withdrawal now (the sync log's retry button and the retry timer). */
    async retry(entry: SyncLogEntry): Promise<SyncLogEntry> {
      if (!entry.entry_document_id) throw new NotDeliverableError('This log entry names no Strapi entry');
      if (isWithdrawal(entry.trigger) && entry.medusa_id) {
        const locale = (entry.details?.locale as string | null | undefined) ?? null;
        return this.withdraw(entry.entity, { medusa_id: entry.medusa_id, document_id: entry.entry_document_id, locale }, entry.trigger, { retryOf: entry });
      }
      try {
        return await this.deliver(entry.entity, entry.entry_document_id, 'retry', { force: true, retryOf: entry });
      } catch (error) {
        if (!(error instanceof NotDeliverableError)) throw error;
        return log().update(entry.documentId, { outcome: 'failed', error: error.message, next_attempt_at: null });
      }
    },

    /** Retries every failed delivery or withdrawal that is due; runs on a timer. */
    async retryDue(): Promise<number> {
      const due: SyncLogEntry[] = await log().due();
      for (const entry of due) await this.retry(entry);
      return due.length;
    },
  };
};

export default content;
