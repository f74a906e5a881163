import type { Core } from '@strapi/strapi';

/** Dev defaults for every secret: set them in the environment for anything but a dev machine. */
export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  serveAdminPanel: env.bool('STRAPI_SERVE_ADMIN', true),
  auth: { secret: env('ADMIN_JWT_SECRET', 'commerce-bridge-dev-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'commerce-bridge-dev-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'commerce-bridge-dev-transfer-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'commerce-bridge-dev-encryption-key') },
  flags: { nps: false, promoteEE: false },
});
