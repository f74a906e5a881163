import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './entities';
import { lockMedusaOwnedFields } from './content-manager-layout';
import { PERMISSION_ACTIONS } from './permissions';

let retryTimer: NodeJS.Timeout | undefined;

/** Registers the admin permissions, locks Medusa's fields in the edit view, and retries failed deliveries on a timer. */
const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  await lockMedusaOwnedFields(strapi);
  const { retryIntervalMs } = strapi.plugin(PLUGIN_ID).service('settings').config();
  let running = false;
  retryTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await strapi.plugin(PLUGIN_ID).service('content').retryDue();
    } catch (error) {
      strapi.log.error(`commerce-bridge: retrying failed deliveries: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  }, retryIntervalMs);
  retryTimer.unref();
};

export const stopRetries = () => {
  clearInterval(retryTimer);
  retryTimer = undefined;
};

export default bootstrap;
