import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'commerce-bridge': {
    enabled: true,
    resolve: '../plugins/strapi-plugin-commerce-bridge',
    config: {
      medusaUrl: env('MEDUSA_URL', 'http://localhost:9000'),
      webhookSecret: env('COMMERCE_BRIDGE_WEBHOOK_SECRET', ''),
      retryIntervalMs: env.int('COMMERCE_BRIDGE_RETRY_INTERVAL_MS', 30000),
      retryBackoffMs: env.int('COMMERCE_BRIDGE_RETRY_BACKOFF_MS', 15000),
    },
  },
});
