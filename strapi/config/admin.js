module.exports = ({ env }) => ({
  serveAdminPanel: env.bool('STRAPI_SERVE_ADMIN', true),
  auth: { secret: env('ADMIN_JWT_SECRET', 'commerce-bridge-dev-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'commerce-bridge-dev-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'commerce-bridge-dev-transfer-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'commerce-bridge-dev-encryption-key') },
  flags: { nps: false, promoteEE: false },
});
