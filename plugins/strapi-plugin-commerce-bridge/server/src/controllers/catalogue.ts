import type { Core } from '@strapi/strapi';
import { ENTITIES, isEntity, PLUGIN_ID } from '../entities';
import type { CatalogueRow } from '../services/catalogue';

const MAX_BATCH = 100;
const optionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/** Names the first problem of an upsert body, or returns undefined when it is valid. */
export function catalogueBodyProblem(body: unknown): string | undefined {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return 'data must be an array of { medusa_id, handle, title }';
  if (!data.length || data.length > MAX_BATCH) return `data must hold 1 to ${MAX_BATCH} items`;
  for (const [index, row] of data.entries()) {
    if (typeof row?.medusa_id !== 'string' || !row.medusa_id) return `data[${index}].medusa_id must be a non-empty string`;
    if (!optionalText(row.handle)) return `data[${index}].handle must be a string or null`;
    if (!optionalText(row.title)) return `data[${index}].title must be a string or null`;
  }
  return undefined;
}

/** Content API for Medusa (API token): writes the Medusa-owned fields of the catalogue. */
const catalogue = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('catalogue');

  return {
    status(ctx) {
      ctx.body = { data: { plugin: PLUGIN_ID } };
    },

    async upsert(ctx) {
      const { entity } = ctx.params;
      if (!isEntity(entity)) return ctx.badRequest(`entity must be one of ${ENTITIES.join(', ')}`);
      const problem = catalogueBodyProblem(ctx.request.body);
      if (problem) return ctx.badRequest(problem);
      const rows = (ctx.request.body.data as CatalogueRow[]).map(({ medusa_id, handle, title }) => ({
        medusa_id,
        handle: handle ?? null,
        title: title ?? null,
      }));
      ctx.body = { data: await service().upsert(entity, rows) };
    },

    async remove(ctx) {
      const { entity, medusaId } = ctx.params;
      if (!isEntity(entity)) return ctx.badRequest(`entity must be one of ${ENTITIES.join(', ')}`);
      ctx.body = { data: { deleted: await service().remove(entity, medusaId) } };
    },
  };
};

export default catalogue;
