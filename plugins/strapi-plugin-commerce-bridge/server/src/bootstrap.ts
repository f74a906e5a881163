import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './entities';
import { PERMISSION_ACTIONS } from './permissions';

let retryTimer: NodeJS.Timeout | undefined;

/** Registers the admin permissions and retries failed deliveries on a timer. */
const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
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
