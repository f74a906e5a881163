import type { Core } from '@strapi/strapi';
import { entityUid, MEDUSA_OWNED_FIELDS, PLUGIN_ID, type Entity } from '../entities';
import { asMedusaWrite } from '../origin';

export interface CatalogueRow {
  medusa_id: string;
  handle: string | null;
  title: string | null;
}

export interface UpsertResult {
  medusa_id: string;
  document_id: string;
  created: boolean;
  changed: boolean;
}

type StoredRow = CatalogueRow & { documentId: string };

const differs = (stored: StoredRow, row: CatalogueRow) => stored.handle !== row.handle || stored.title !== row.title;

/**
 * Writes what Medusa owns (id, handle, title) and nothing else. New entries start as drafts for
 * editors to complete; an existing entry gets the fields in its draft and, when it has one, its
 * published version, without publishing the editor's pending draft.
 */
const catalogue = ({ strapi }: { strapi: Core.Strapi }) => ({
  async upsert(entity: Entity, rows: CatalogueRow[]): Promise<UpsertResult[]> {
    const uid = entityUid(entity) as any;
    const ids = rows.map((row) => row.medusa_id);
    // One transaction per batch: on SQLite every write outside one is its own commit (an fsync).
    const results = await asMedusaWrite(() => strapi.db.transaction(async () => {
      const existing = (await strapi.documents(uid).findMany({
        filters: { medusa_id: { $in: ids } },
        status: 'draft',
        fields: [...MEDUSA_OWNED_FIELDS],
        limit: ids.length,
      } as any)) as unknown as StoredRow[];
      const byId = new Map(existing.map((row) => [row.medusa_id, row]));
      const written: UpsertResult[] = [];
      for (const row of rows) {
        const data = { medusa_id: row.medusa_id, handle: row.handle, title: row.title };
        const stored = byId.get(row.medusa_id);
        if (!stored) {
          const created = await strapi.documents(uid).create({ data } as any);
          byId.set(row.medusa_id, { ...data, documentId: created.documentId });
          written.push({ medusa_id: row.medusa_id, document_id: created.documentId, created: true, changed: true });
          continue;
        }
        const changed = differs(stored, row);
        if (changed) {
          await strapi.documents(uid).update({ documentId: stored.documentId, data } as any);
          await strapi.db.query(uid).updateMany({
            where: { documentId: stored.documentId, publishedAt: { $notNull: true } },
            data: { handle: row.handle, title: row.title },
          });
        }
        written.push({ medusa_id: row.medusa_id, document_id: stored.documentId, created: false, changed });
      }
      return written;
    }));
    await strapi.plugin(PLUGIN_ID).service('syncLog').create({
      direction: 'from_medusa',
      entity,
      trigger: 'catalogue',
      outcome: 'succeeded',
      medusa_id: ids.length === 1 ? ids[0] : null,
      details: {
        count: rows.length,
        created: results.filter((row) => row.created).length,
        changed: results.filter((row) => row.changed && !row.created).length,
      },
    });
    return results;
  },

  /** Deletes the entry (every version) of a Medusa record that was deleted. */
  async remove(entity: Entity, medusaId: string): Promise<boolean> {
    const uid = entityUid(entity) as any;
    return asMedusaWrite(async () => {
      const entry = await strapi.documents(uid).findFirst({ filters: { medusa_id: medusaId }, status: 'draft', fields: ['medusa_id'] } as any);
      if (!entry) return false;
      await strapi.documents(uid).delete({ documentId: entry.documentId } as any);
      await strapi.plugin(PLUGIN_ID).service('syncLog').create({
        direction: 'from_medusa',
        entity,
        trigger: 'catalogue',
        outcome: 'succeeded',
        medusa_id: medusaId,
        entry_document_id: entry.documentId,
        details: { deleted: true },
      });
      return true;
    });
  },
});

export default catalogue;
