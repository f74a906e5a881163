import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import type { CommerceBridgeOptions } from "./src/modules/bridge/types"
import { commerceBridgeNotificationModule } from "./src/notifications/module-config"
import { commerceBridgeSearchModule } from "./src/search-sync/module-config"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = process.env
const redisUrl = env.REDIS_URL || undefined

/**
 * The options a store passes to the plugin (`plugins: [{ resolve: "@commerce-bridge/medusa", options }]`).
 * The dev store registers the plugin's modules from ./src with the same object.
 */
const commerceBridge: CommerceBridgeOptions = {
  encryptionKey: env.COMMERCE_BRIDGE_SECRETS_KEY || undefined,
  queue: {
    redisUrl: env.COMMERCE_BRIDGE_QUEUE_REDIS_URL || redisUrl,
    prefix: env.COMMERCE_BRIDGE_QUEUE_PREFIX || undefined,
  },
  healthCheckTimeoutMs: env.COMMERCE_BRIDGE_HEALTH_TIMEOUT_MS ? Number(env.COMMERCE_BRIDGE_HEALTH_TIMEOUT_MS) : undefined,
  notifications: {
    storefrontUrl: env.COMMERCE_BRIDGE_STOREFRONT_URL || undefined,
    adminUrl: env.MEDUSA_BACKEND_URL || undefined,
    attempts: env.COMMERCE_BRIDGE_NOTIFICATION_ATTEMPTS ? Number(env.COMMERCE_BRIDGE_NOTIFICATION_ATTEMPTS) : undefined,
    backoffMs: env.COMMERCE_BRIDGE_NOTIFICATION_BACKOFF_MS ? Number(env.COMMERCE_BRIDGE_NOTIFICATION_BACKOFF_MS) : undefined,
  },
  engagement: {
    concurrency: env.COMMERCE_BRIDGE_ENGAGEMENT_CONCURRENCY ? Number(env.COMMERCE_BRIDGE_ENGAGEMENT_CONCURRENCY) : undefined,
    client: {
      requestsPerMinute: env.OPENAI_REQUESTS_PER_MINUTE ? Number(env.OPENAI_REQUESTS_PER_MINUTE) : undefined,
      tokensPerMinute: env.OPENAI_TOKENS_PER_MINUTE ? Number(env.OPENAI_TOKENS_PER_MINUTE) : undefined,
    },
  },
  search: {
    attempts: env.COMMERCE_BRIDGE_SEARCH_ATTEMPTS ? Number(env.COMMERCE_BRIDGE_SEARCH_ATTEMPTS) : undefined,
    backoffMs: env.COMMERCE_BRIDGE_SEARCH_BACKOFF_MS ? Number(env.COMMERCE_BRIDGE_SEARCH_BACKOFF_MS) : undefined,
  },
  strapi: {
    attempts: env.COMMERCE_BRIDGE_STRAPI_ATTEMPTS ? Number(env.COMMERCE_BRIDGE_STRAPI_ATTEMPTS) : undefined,
    backoffMs: env.COMMERCE_BRIDGE_STRAPI_BACKOFF_MS ? Number(env.COMMERCE_BRIDGE_STRAPI_BACKOFF_MS) : undefined,
  },
  integrations: {
    mailgun: env.MAILGUN_API_KEY
      ? {
          apiKey: env.MAILGUN_API_KEY,
          domain: env.MAILGUN_DOMAIN,
          from: env.MAILGUN_FROM,
          region: env.MAILGUN_REGION,
          baseUrl: env.MAILGUN_BASE_URL,
          webhookSigningKey: env.MAILGUN_WEBHOOK_SIGNING_KEY,
        }
      : undefined,
    twilio: env.TWILIO_ACCOUNT_SID
      ? {
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          from: env.TWILIO_FROM,
          messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
          whatsappFrom: env.TWILIO_WHATSAPP_FROM,
          statusCallbackUrl: env.TWILIO_STATUS_CALLBACK_URL,
          baseUrl: env.TWILIO_BASE_URL,
        }
      : undefined,
    meilisearch: env.MEILISEARCH_HOST ? { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY || undefined } : undefined,
    opensearch: env.OPENSEARCH_NODE
      ? { node: env.OPENSEARCH_NODE, username: env.OPENSEARCH_USERNAME || undefined, password: env.OPENSEARCH_PASSWORD || undefined }
      : undefined,
    openai: env.OPENAI_API_KEY
      ? { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL }
      : undefined,
    strapi: env.STRAPI_URL
      ? { url: env.STRAPI_URL, apiToken: env.STRAPI_API_TOKEN, webhookSecret: env.STRAPI_WEBHOOK_SECRET || undefined }
      : undefined,
  },
}

/**
 * Medusa's Translation Module sits behind a feature flag that defineConfig reads before flags are
 * loaded, so the store lists the module itself when MEDUSA_FF_TRANSLATION is on.
 */
const translationEnabled = env.MEDUSA_FF_TRANSLATION === "true"

/** Without REDIS_URL Medusa runs its in-memory event bus, workflow engine, locking and cache. */
const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        // Medusa handles one event at a time unless told otherwise.
        options: { redisUrl, workerOptions: { concurrency: Number(env.MEDUSA_EVENT_BUS_CONCURRENCY) || 1 } },
      },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { url: redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: { providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }] },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl,
    workerMode: (env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: env.STORE_CORS || "http://localhost:8000",
      adminCors: env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: env.JWT_SECRET || "supersecret",
      cookieSecret: env.COOKIE_SECRET || "supersecret",
    },
  },
  featureFlags: translationEnabled ? { translation: true } : {},
  admin: {
    disable: env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    { resolve: "./src/modules/bridge", options: commerceBridge },
    { resolve: "./src/modules/queue", options: commerceBridge },
    { resolve: "./src/modules/notifications", options: commerceBridge },
    { resolve: "./src/modules/search-sync", options: commerceBridge },
    { resolve: "./src/modules/engagement", options: commerceBridge },
    { resolve: "./src/modules/search-embeddings", options: commerceBridge },
    { resolve: "./src/modules/strapi", options: commerceBridge },
    commerceBridgeNotificationModule({ providersFrom: "./src" }),
    commerceBridgeSearchModule({
      engine: env.SEARCH_PROVIDER,
      providersFrom: "./src",
      meilisearch: commerceBridge.integrations?.meilisearch,
      opensearch: commerceBridge.integrations?.opensearch,
    }),
    ...(translationEnabled ? [{ resolve: "@medusajs/medusa/translation" }] : []),
    ...redisModules,
  ],
})
