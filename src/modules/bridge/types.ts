import type { MedusaContainer } from "@medusajs/framework/types"
import type { EngagementOptions } from "../../engagement/options"
import type { NotificationOptions } from "../../notifications/options"
import type { SearchSyncOptions } from "../../search-sync/options"
import type { StrapiSyncOptions } from "../../strapi-sync/options"
import type { QueueModuleOptions } from "../queue/types"

export type IntegrationKind = "email" | "sms" | "search" | "ai" | "cms" | "queue" | "other"

export type IntegrationFieldType = "string" | "url" | "number" | "boolean" | "select"

/** One setting of an integration; the admin renders its form from these. */
export interface IntegrationField {
  key: string
  label: string
  type: IntegrationFieldType
  /** Secrets are encrypted at rest and never returned by the API. */
  secret?: boolean
  /** The health check reports the integration `down` while a required field is empty. */
  required?: boolean
  /** Allowed values of a `select` field. */
  options?: string[]
  default?: string | number | boolean
  description?: string
}

export type HealthStatus = "unknown" | "up" | "down"

export interface HealthCheckOutcome {
  status: "up" | "down"
  message?: string
  details?: Record<string, unknown>
}

export interface HealthCheckContext<Config = IntegrationConfig> {
  config: Config
  /** Aborted when the check runs past the configured timeout. */
  signal: AbortSignal
  /** The application container: checks may resolve other modules. */
  container: MedusaContainer
}

export type IntegrationConfig = Record<string, string | number | boolean | undefined>

export interface IntegrationDescriptor<Config = IntegrationConfig> {
  name: string
  label: string
  kind: IntegrationKind
  description: string
  fields: IntegrationField[]
  /** Enabled unless a merchant switches it off, whatever the options hold (e.g. the worker queue). */
  enabledByDefault?: boolean
  /** Alternative credential sets: at least one must be complete, e.g. a token or a key pair. */
  requireOneOf?: string[][]
  check: (context: HealthCheckContext<Config>) => Promise<HealthCheckOutcome>
}

export interface HealthResult {
  status: HealthStatus
  latency_ms: number | null
  checked_at: Date | null
  error: string | null
  details: Record<string, unknown> | null
}

export type ValueSource = "admin" | "config" | "default"

/** What the admin API shows of an integration: never a secret value. */
export interface IntegrationView {
  name: string
  label: string
  kind: IntegrationKind
  description: string
  enabled: boolean
  /** Whether `enabled` was set by a merchant, or follows the configuration. */
  enabled_source: "admin" | "config"
  fields: IntegrationField[]
  settings: Record<string, { value: string | number | boolean | null; source: ValueSource | null }>
  secrets: Record<string, { set: boolean; source: Exclude<ValueSource, "default"> | null }>
  missing: string[]
  health: HealthResult
}

export interface ResolvedIntegration<Config = IntegrationConfig> {
  name: string
  enabled: boolean
  config: Config
  missing: string[]
}

export interface UpdateIntegrationInput {
  enabled?: boolean
  /** `null` clears a value set in the admin, so the configured one applies again. */
  settings?: Record<string, unknown>
  secrets?: Record<string, string | null>
}

/**
 * Options of the CommerceBridge plugin. Medusa passes the plugin's options to
 * each of its modules, so this one object configures every integration.
 */
export interface CommerceBridgeOptions {
  /**
   * 256-bit key (base64 or hex) that encrypts secrets entered in the admin.
   * @defaultValue process.env.COMMERCE_BRIDGE_SECRETS_KEY
   */
  encryptionKey?: string
  /**
   * How long a health check may run before it is reported `down`.
   * @defaultValue 5000
   */
  healthCheckTimeoutMs?: number
  /**
   * How long resolved integration settings are cached by each instance.
   * @defaultValue 5000
   */
  settingsCacheTtlMs?: number
  /**
   * Settings and credentials per integration, keyed by integration name. Values set
   * here are the source of truth for credentials; the admin fills in what is absent.
   */
  integrations?: Record<string, IntegrationConfig | undefined>
  /** The worker queue: BullMQ on Redis, or in-process for development. */
  queue?: QueueModuleOptions
  /** Store notifications: templates, links, SMS, retries. */
  notifications?: NotificationOptions
  /** Keeping search indexes in step: write retries and concurrency. */
  search?: SearchSyncOptions
  /** The AI engagement generator: the store's voice, a monthly budget, bulk job concurrency and retries. */
  engagement?: EngagementOptions
  /** Keeping Strapi and the catalogue in step: push retries, batch and page sizes. */
  strapi?: StrapiSyncOptions
}

export const ENCRYPTION_KEY_VARIABLE = "COMMERCE_BRIDGE_SECRETS_KEY"

export const DEFAULT_BRIDGE_OPTIONS = {
  healthCheckTimeoutMs: 5000,
  settingsCacheTtlMs: 5000,
} satisfies Partial<CommerceBridgeOptions>
