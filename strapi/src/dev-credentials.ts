import type { Core } from '@strapi/strapi';

/**
 * Dev and test credentials, created at boot from the environment so `npm run dev` and the tests
 * wire Strapi and Medusa without clicks:
 * - STRAPI_ADMIN_EMAIL / STRAPI_ADMIN_PASSWORD: the first super admin, when there is none;
 * - STRAPI_EDITOR_EMAIL / STRAPI_EDITOR_PASSWORD: an Editor allowed to sync (not to change settings);
 * - STRAPI_API_TOKEN: a full-access API token with exactly this key, for Medusa.
 */
const TOKEN_NAME = 'CommerceBridge (Medusa)';
const EDITOR_ACTIONS = ['plugin::commerce-bridge.read', 'plugin::commerce-bridge.sync'];

interface NewUser {
  email: string;
  password: string;
  roleCode: string;
  firstname: string;
}

async function ensureUser(strapi: Core.Strapi, { email, password, roleCode, firstname }: NewUser) {
  const users = strapi.service('admin::user');
  if (await users.exists({ email })) return;
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  await users.create({ email, password, firstname, lastname: 'CommerceBridge', registrationToken: null, isActive: true, roles: [role.id] });
  strapi.log.info(`[dev] created ${firstname.toLowerCase()} ${email}`);
}

async function allowEditorsToSync(strapi: Core.Strapi) {
  const editor = await strapi.service('admin::role').findOne({ code: 'strapi-editor' });
  const permissions = strapi.service('admin::permission');
  const held: { action: string }[] = await permissions.findMany({ where: { role: { id: editor.id }, action: { $in: EDITOR_ACTIONS } } });
  const missing = EDITOR_ACTIONS.filter((action) => !held.some((permission) => permission.action === action));
  if (missing.length) {
    await permissions.createMany(missing.map((action) => ({ action, role: editor.id, subject: null, properties: {}, conditions: [] })));
  }
}

async function ensureApiToken(strapi: Core.Strapi, accessKey: string) {
  const hashed = strapi.service('admin::api-token').hash(accessKey);
  const tokens = strapi.db.query('admin::api-token');
  const existing = await tokens.findOne({ where: { name: TOKEN_NAME } });
  if (existing?.accessKey === hashed) return;
  if (existing) await tokens.delete({ where: { id: existing.id } });
  await tokens.create({
    data: {
      name: TOKEN_NAME,
      description: 'Used by Medusa to write the catalogue (dev credentials)',
      type: 'full-access',
      kind: 'content-api',
      accessKey: hashed,
      encryptedKey: strapi.service('admin::encryption').encrypt(accessKey),
      lifespan: null,
      expiresAt: null,
    },
  });
  strapi.log.info(`[dev] created the API token "${TOKEN_NAME}"`);
}

export async function ensureDevCredentials(strapi: Core.Strapi, env: NodeJS.ProcessEnv) {
  if (env.STRAPI_ADMIN_EMAIL && env.STRAPI_ADMIN_PASSWORD) {
    await ensureUser(strapi, { email: env.STRAPI_ADMIN_EMAIL, password: env.STRAPI_ADMIN_PASSWORD, roleCode: 'strapi-super-admin', firstname: 'Admin' });
  }
  if (env.STRAPI_EDITOR_EMAIL && env.STRAPI_EDITOR_PASSWORD) {
    await ensureUser(strapi, { email: env.STRAPI_EDITOR_EMAIL, password: env.STRAPI_EDITOR_PASSWORD, roleCode: 'strapi-editor', firstname: 'Editor' });
    await allowEditorsToSync(strapi);
  }
  if (env.STRAPI_API_TOKEN) await ensureApiToken(strapi, env.STRAPI_API_TOKEN);
}
