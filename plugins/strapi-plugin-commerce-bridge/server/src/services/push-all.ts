import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ENTITIES, entityUid, PLUGIN_ID } from '../entities';

/** A long sync's progress, as the admin polls it (Medusa reports its catalogue syncs the same way). */
export interface PushRun {
  id: string;
  status: 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  failed: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

const PAGE_SIZE = 100;
const CONCURRENCY = 4;

/**
 * "Push all content": sends every published entry to Medusa, a few at a time, tracked in memory
 * (one Strapi instance runs it; the sync log keeps each delivery for good).
 */
const pushAll = ({ strapi }: { strapi: Core.Strapi }) => {
  const runs = new Map<string, PushRun>();
  let current: PushRun | undefined;

  async function run(push: PushRun) {
    const content = strapi.plugin(PLUGIN_ID).service('content');
    for (const entity of ENTITIES) {
      const uid = entityUid(entity) as any;
      for (let start = 0; ; start += PAGE_SIZE) {
        const page = await strapi.documents(uid).findMany({ status: 'published', fields: ['medusa_id'], start, limit: PAGE_SIZE, sort: 'id:asc' } as any);
        for (let index = 0; index < page.length; index += CONCURRENCY) {
          await Promise.all(
            page.slice(index, index + CONCURRENCY).map(async (entry: { documentId: string }) => {
              const logged = await content.deliver(entity, entry.documentId, 'push_all', { force: true });
              if (logged.outcome === 'failed') push.failed += 1;
              push.done += 1;
            })
          );
        }
        if (page.length < PAGE_SIZE) break;
      }
    }
  }

  return {
    async start(): Promise<PushRun> {
      if (current?.status === 'running') return current;
      let total = 0;
      for (const entity of ENTITIES) total += await strapi.documents(entityUid(entity) as any).count({ status: 'published' } as any);
      const push: PushRun = { id: randomUUID(), status: 'running', total, done: 0, failed: 0, error: null, started_at: new Date().toISOString(), finished_at: null };
      runs.set(push.id, push);
      current = push;
      run(push)
        .then(() => (push.status = 'completed'))
        .catch((error: Error) => {
          push.status = 'failed';
          push.error = error.message;
          strapi.log.error(`commerce-bridge: push all content stopped: ${error.message}`);
        })
        .finally(() => (push.finished_at = new Date().toISOString()));
      return push;
    },

    find: (id: string): PushRun | undefined => runs.get(id),
  };
};

export default pushAll;
