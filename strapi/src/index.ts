import type { Core } from '@strapi/strapi';
import { ensureDevCredentials } from './dev-credentials';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureDevCredentials(strapi, process.env);
  },
};
