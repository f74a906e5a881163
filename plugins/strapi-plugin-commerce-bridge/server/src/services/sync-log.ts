import type { Core } from '@strapi/strapi';
import { SYNC_LOG_UID, type Entity } from '../entities';

export type Direction = 'to_medusa' | 'from_medusa';
/** An editor unpublished or deleted an entry: Medusa is told to stop serving its content. */
export type WithdrawalTrigger = 'unpublish' | 'delete';
export type Trigger = 'publish' | 'manual' | 'push_all' | 'retry' | 'catalogue' | WithdrawalTrigger;

export const isWithdrawal = (trigger: Trigger): trigger is WithdrawalTrigger => trigger === 'unpublish' || trigger === 'delete';
export type Outcome = 'pending' | 'succeeded' | 'skipped' | 'failed';

export interface SyncLogEntry {
  documentId: string;
  direction: Direction;
  entity: Entity;
  trigger: Trigger;
  outcome: Outcome;
  medusa_id: string | null;
  entry_document_id: string | null;
  http_status: number | null;
  error: string | null;
  attempts: number;
  next_attempt_at: string | null;
  content_hash: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

export interface SyncLogQuery {
  page?: number;
  pageSize?: number;
  outcome?: Outcome;
  direction?: Direction;
  entity?: Entity;
  entryDocumentId?: string;
}

/** The sync log: one entry per delivery or withdrawal sent to Medusa and per catalogue batch from Medusa. */
const syncLog = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(SYNC_LOG_UID as any);

  return {
    create: (data: Partial<SyncLogEntry>) => documents().create({ data } as any) as unknown as Promise<SyncLogEntry>,

    update: (documentId: string, data: Partial<SyncLogEntry>) =>
      documents().update({ documentId, data } as any) as unknown as Promise<SyncLogEntry>,

    find: (documentId: string) => documents().findOne({ documentId }) as unknown as Promise<SyncLogEntry | null>,

    async list({ page = 1, pageSize = 20, outcome, direction, entity, entryDocumentId }: SyncLogQuery) {
      const filters = Object.fromEntries(
        Object.entries({ outcome, direction, entity, entry_document_id: entryDocumentId }).filter(([, value]) => value)
      );
      const [results, total] = await Promise.all([
        documents().findMany({ filters, sort: 'createdAt:desc', start: (page - 1) * pageSize, limit: pageSize } as any),
        documents().count({ filters } as any),
      ]);
      return { results: results as unknown as SyncLogEntry[], pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
    },

    /** The last request about this entry that Medusa accepted (a withdrawal holds no content hash). */
    async lastDelivered(entity: Entity, entryDocumentId: string): Promise<SyncLogEntry | undefined> {
      const [entry] = await documents().findMany({
        filters: { direction: 'to_medusa', entity, entry_document_id: entryDocumentId, outcome: 'succeeded' },
        sort: 'updatedAt:desc',
        limit: 1,
      } as any);
      return entry as unknown as SyncLogEntry | undefined;
    },

    /** Failed deliveries whose next attempt is due. */
    async due(now = new Date(), limit = 50): Promise<SyncLogEntry[]> {
      return (await documents().findMany({
        filters: { direction: 'to_medusa', outcome: 'failed', next_attempt_at: { $lte: now.toISOString() } },
        sort: 'next_attempt_at:asc',
        limit,
      } as any)) as unknown as SyncLogEntry[];
    },
  };
};

export default syncLog;
