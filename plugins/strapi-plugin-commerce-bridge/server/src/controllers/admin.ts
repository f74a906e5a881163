import type { Core } from '@strapi/strapi';
import { ENTITIES, isEntity, PLUGIN_ID } from '../entities';
import type { MedusaRequestError } from '../services/medusa';
import { NotDeliverableError } from '../services/content';

const OUTCOMES = ['pending', 'succeeded', 'skipped', 'failed'];
const DIRECTIONS = ['to_medusa', 'from_medusa'];

const pageNumber = (value: unknown, fallback: number, max: number) => {
  const number = Number(value ?? fallback);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : undefined;
};

/** Admin API behind the plugin's permissions (read, sync, settings). */
const admin = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin(PLUGIN_ID).service(name);

  /** Medusa's refusals reach the admin as a readable 502 (or 409 when nothing is configured). */
  const medusaFailure = (ctx, error: unknown) => {
    const failure = error as MedusaRequestError;
    if (failure.name !== 'MedusaRequestError') throw error;
    ctx.status = failure.status === 409 ? 409 : 502;
    ctx.body = { data: null, error: { status: ctx.status, name: 'MedusaRequestError', message: failure.message } };
  };

  return {
    async status(ctx) {
      ctx.body = { data: await service('medusa').ping() };
    },

    async settings(ctx) {
      ctx.body = { data: await service('settings').view() };
    },

    async updateSettings(ctx) {
      const { medusa_url, webhook_secret } = ctx.request.body ?? {};
      if (medusa_url !== undefined && (typeof medusa_url !== 'string' || (medusa_url && !/^https?:\/\/[^\s]+$/.test(medusa_url.trim())))) {
        return ctx.badRequest('medusa_url must be an http(s) URL, or empty to use the plugin config');
      }
      if (webhook_secret !== undefined && (typeof webhook_secret !== 'string' || (webhook_secret && webhook_secret.length < 16))) {
        return ctx.badRequest('webhook_secret must hold at least 16 characters, or be empty to use the plugin config');
      }
      ctx.body = { data: await service('settings').update({ medusa_url, webhook_secret }) };
    },

    async syncLogs(ctx) {
      const { page, pageSize, outcome, direction, entity, entryDocumentId } = ctx.query;
      const pageValue = pageNumber(page, 1, 100_000);
      const sizeValue = pageNumber(pageSize, 20, 100);
      if (!pageValue || !sizeValue) return ctx.badRequest('page and pageSize must be positive integers (pageSize at most 100)');
      if (outcome && !OUTCOMES.includes(outcome)) return ctx.badRequest(`outcome must be one of ${OUTCOMES.join(', ')}`);
      if (direction && !DIRECTIONS.includes(direction)) return ctx.badRequest(`direction must be one of ${DIRECTIONS.join(', ')}`);
      if (entity && !isEntity(entity)) return ctx.badRequest(`entity must be one of ${ENTITIES.join(', ')}`);
      ctx.body = await service('syncLog').list({ page: pageValue, pageSize: sizeValue, outcome, direction, entity, entryDocumentId });
    },

    async retryLog(ctx) {
      const entry = await service('syncLog').find(ctx.params.id);
      if (!entry) return ctx.notFound(`Sync log entry ${ctx.params.id} was not found`);
      if (entry.direction !== 'to_medusa' || entry.outcome !== 'failed') {
        return ctx.badRequest('Only failed deliveries to Medusa can be retried');
      }
      ctx.body = { data: await service('content').retry(entry) };
    },

    async syncDocument(ctx) {
      const { entity, documentId } = ctx.params;
      if (!isEntity(entity)) return ctx.badRequest(`entity must be one of ${ENTITIES.join(', ')}`);
      try {
        ctx.body = { data: await service('content').deliver(entity, documentId, 'manual', { force: true }) };
      } catch (error) {
        if (error instanceof NotDeliverableError) return ctx.badRequest(error.message);
        throw error;
      }
    },

    async startPush(ctx) {
      ctx.status = 202;
      ctx.body = { data: await service('pushAll').start() };
    },

    async push(ctx) {
      const run = service('pushAll').find(ctx.params.id);
      if (!run) return ctx.notFound(`Push ${ctx.params.id} was not found (runs are kept until Strapi restarts)`);
      ctx.body = { data: run };
    },

    async startPull(ctx) {
      const { entities } = ctx.request.body ?? {};
      if (entities !== undefined && (!Array.isArray(entities) || !entities.length || !entities.every(isEntity))) {
        return ctx.badRequest(`entities must be a list of ${ENTITIES.join(', ')}`);
      }
      try {
        const { run } = await service('medusa').startCatalogueSync(entities);
        ctx.status = 202;
        ctx.body = { data: run };
      } catch (error) {
        medusaFailure(ctx, error);
      }
    },

    async pull(ctx) {
      try {
        ctx.body = { data: (await service('medusa').catalogueSync(ctx.params.id)).run };
      } catch (error) {
        medusaFailure(ctx, error);
      }
    },
  };
};

export default admin;
