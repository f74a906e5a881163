import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { PLUGIN_ID } from '../entities';

interface StoredSettings {
  medusaUrl?: string;
  webhookSecret?: string;
}

export interface ConnectionSettings {
  medusaUrl: string;
  webhookSecret: string;
}

export type SettingsUpdate = { medusa_url?: string; webhook_secret?: string };

/** Plugin config (config/plugins) is the default; what an admin saves on the settings page wins. */
const settings = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'settings' });
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
  const stored = async () => ((await store().get({})) ?? {}) as StoredSettings;

  return {
    config,

    async connection(): Promise<ConnectionSettings> {
      const saved = await stored();
      return {
        medusaUrl: (saved.medusaUrl || config().medusaUrl || '').replace(/\/+$/, ''),
        webhookSecret: saved.webhookSecret || config().webhookSecret || '',
      };
    },

    /** What the settings page shows: never the secret itself. */
    async view() {
      const saved = await stored();
      const source = (own?: string, fromConfig?: string) => (own ? 'admin' : fromConfig ? 'config' : null);
      const { medusaUrl, webhookSecret } = await this.connection();
      return {
        medusa_url: medusaUrl || null,
        medusa_url_source: source(saved.medusaUrl, config().medusaUrl),
        webhook_secret_set: Boolean(webhookSecret),
        webhook_secret_source: source(saved.webhookSecret, config().webhookSecret),
      };
    },

    /** An empty string clears what the admin saved, so the plugin config applies again. */
    async update(input: SettingsUpdate) {
      const next = { ...(await stored()) };
      if (input.medusa_url !== undefined) next.medusaUrl = input.medusa_url.trim() || undefined;
      if (input.webhook_secret !== undefined) next.webhookSecret = input.webhook_secret || undefined;
      await store().set({ value: next });
      return this.view();
    },
  };
};

export default settings;
