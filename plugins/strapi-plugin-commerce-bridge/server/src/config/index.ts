export interface PluginConfig {
  /** Medusa's backend URL, e.g. http://localhost:9000. The admin's settings page overrides it. */
  medusaUrl: string;
  /** Shared secret that signs every request to Medusa (Medusa's STRAPI_WEBHOOK_SECRET). */
  webhookSecret: string;
  /** How often failed deliveries in the sync log are retried. @defaultValue 30000 */
  retryIntervalMs: number;
  /** Automatic attempts before a failed delivery waits for a manual retry. @defaultValue 8 */
  maxAttempts: number;
  /** First retry delay; doubles with each attempt, up to an hour. @defaultValue 15000 */
  retryBackoffMs: number;
  /** Timeout of each request to Medusa. @defaultValue 10000 */
  requestTimeoutMs: number;
}

const positive = (config: Record<string, unknown>, key: string) => {
  const value = config[key];
  if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    throw new Error(`commerce-bridge plugin: config.${key} must be a positive number of milliseconds or attempts`);
  }
};

export default {
  default: {
    medusaUrl: '',
    webhookSecret: '',
    retryIntervalMs: 30_000,
    maxAttempts: 8,
    retryBackoffMs: 15_000,
    requestTimeoutMs: 10_000,
  } satisfies PluginConfig,
  validator(config: Record<string, unknown>) {
    ['retryIntervalMs', 'maxAttempts', 'retryBackoffMs', 'requestTimeoutMs'].forEach((key) => positive(config, key));
    if (config.medusaUrl && !/^https?:\/\/.+/.test(String(config.medusaUrl))) {
      throw new Error('commerce-bridge plugin: config.medusaUrl must be an http(s) URL');
    }
  },
};
