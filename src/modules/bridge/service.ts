import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { decrypt, encrypt, parseEncryptionKey } from "../../lib/crypto"
import { BUILT_IN_INTEGRATIONS } from "./integrations"
import type { IntegrationConfigs } from "./integration-configs"
import { Integration } from "./models/integration"
import { mergeConfig, validateSecrets, validateSettings } from "./settings"
import {
  CommerceBridgeOptions,
  DEFAULT_BRIDGE_OPTIONS,
  ENCRYPTION_KEY_VARIABLE,
  HealthResult,
  IntegrationConfig,
  IntegrationDescriptor,
  IntegrationView,
  ResolvedIntegration,
  UpdateIntegrationInput,
} from "./types"

type IntegrationRow = {
  id: string
  name: string
  enabled: boolean | null
  settings: Record<string, unknown> | null
  secrets_sealed: string | null
  health_status: HealthResult["status"]
  health_latency_ms: number | null
  health_checked_at: Date | null
  health_error: string | null
  health_details: Record<string, unknown> | null
}

export interface IntegrationHandle<Config> {
  /** Current settings: plugin options merged with what the merchant set in the admin. */
  read(): Promise<ResolvedIntegration<Config>>
}

export type IntegrationAccessors = { [Name in keyof IntegrationConfigs]: IntegrationHandle<IntegrationConfigs[Name]> } & Record<
  string,
  IntegrationHandle<IntegrationConfig>
>

/** The plugin option when given, else the environment variable; errors name whichever was read. */
export function encryptionKeyFrom(options: CommerceBridgeOptions): Buffer {
  const fromEnvironment = process.env[ENCRYPTION_KEY_VARIABLE]
  if (options.encryptionKey && options.encryptionKey !== fromEnvironment) {
    return parseEncryptionKey(options.encryptionKey, "CommerceBridge option encryptionKey")
  }
  return parseEncryptionKey(fromEnvironment, ENCRYPTION_KEY_VARIABLE)
}

const sealingContext = (name: string) => `commerce_bridge_integration:${name}`

export default class BridgeModuleService extends MedusaService({ Integration }) {
  private readonly options: CommerceBridgeOptions & typeof DEFAULT_BRIDGE_OPTIONS
  private readonly descriptors = new Map<string, IntegrationDescriptor<any>>()
  private readonly cache = new Map<string, { expires: number; value: ResolvedIntegration }>()
  private readonly key: Buffer

  constructor(container: Record<string, unknown>, options: CommerceBridgeOptions = {}) {
    super(...arguments)
    this.options = { ...DEFAULT_BRIDGE_OPTIONS, ...options }
    this.key = encryptionKeyFrom(this.options)
    BUILT_IN_INTEGRATIONS.forEach((descriptor) => this.registerIntegration(descriptor))
  }

  get healthCheckTimeoutMs(): number {
    return this.options.healthCheckTimeoutMs
  }

  /** Adds an integration to the registry; other modules and stores call this at startup. */
  registerIntegration<Config>(descriptor: IntegrationDescriptor<Config>): void {
    if (!/^[a-z][a-z0-9-]*$/.test(descriptor.name)) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Integration name "${descriptor.name}" must be kebab-case`)
    }
    this.descriptors.set(descriptor.name, descriptor as IntegrationDescriptor<any>)
    this.cache.delete(descriptor.name)
  }

  getDescriptor(name: string): IntegrationDescriptor<any> {
    const descriptor = this.descriptors.get(name)
    if (!descriptor) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Integration "${name}" was not found`)
    }
    return descriptor
  }

  listDescriptors(): IntegrationDescriptor<any>[] {
    return [...this.descriptors.values()]
  }

  get integrations(): IntegrationAccessors {
    return new Proxy({} as IntegrationAccessors, {
      get: (_target, name) => (typeof name === "string" ? { read: () => this.resolveIntegration(name) } : undefined),
    })
  }

  async resolveIntegration<Config = IntegrationConfig>(name: string): Promise<ResolvedIntegration<Config>> {
    const cached = this.cache.get(name)
    if (cached && cached.expires > Date.now()) {
      return cached.value as ResolvedIntegration<Config>
    }
    const descriptor = this.getDescriptor(name)
    const [row] = await this.rowsFor([name])
    const value = this.resolveRow(descriptor, row)
    this.cache.set(name, { expires: Date.now() + this.options.settingsCacheTtlMs, value })
    return value as ResolvedIntegration<Config>
  }

  async describeIntegrations(names?: string[]): Promise<IntegrationView[]> {
    const descriptors = names ? names.map((name) => this.getDescriptor(name)) : this.listDescriptors()
    const rows = await this.rowsFor(descriptors.map((d) => d.name))
    return descriptors.map((descriptor) => this.viewOf(descriptor, rows.find((row) => row.name === descriptor.name)))
  }

  async describeIntegration(name: string): Promise<IntegrationView> {
    const [view] = await this.describeIntegrations([name])
    return view
  }

  /** Applies what a merchant changed in the admin; values are validated against the descriptor. */
  async configureIntegration(name: string, input: UpdateIntegrationInput): Promise<IntegrationView> {
    const descriptor = this.getDescriptor(name)
    const settings = validateSettings(descriptor, input.settings)
    const secrets = validateSecrets(descriptor, input.secrets)
    const [row] = await this.rowsFor([name])
    // JSON columns are merged on update, so a cleared setting is stored as null.
    const nextSettings = { ...(row?.settings ?? {}), ...settings }
    const nextSecrets = withoutNulls({ ...this.adminSecrets(row), ...secrets })
    const data = {
      name,
      enabled: input.enabled ?? row?.enabled ?? null,
      settings: nextSettings,
      secrets_sealed: Object.keys(nextSecrets).length
        ? encrypt(this.key, JSON.stringify(nextSecrets), sealingContext(name))
        : null,
    }
    await this.saveRow(row, data)
    this.cache.delete(name)
    return this.describeIntegration(name)
  }

  /** Every secret value known to the registry, so no message can echo one. */
  async knownSecretValues(): Promise<string[]> {
    const resolved = await Promise.all(this.listDescriptors().map((d) => this.resolveIntegration(d.name)))
    return resolved.flatMap(({ name, config }) =>
      this.getDescriptor(name)
        .fields.filter((field) => field.secret && typeof config[field.key] === "string")
        .map((field) => config[field.key] as string)
    )
  }

  async recordHealth(name: string, health: HealthResult): Promise<void> {
    this.getDescriptor(name)
    const [row] = await this.rowsFor([name])
    await this.saveRow(row, {
      name,
      health_status: health.status,
      health_latency_ms: health.latency_ms,
      health_checked_at: health.checked_at,
      health_error: health.error,
      health_details: health.details,
    })
  }

  private async saveRow(row: IntegrationRow | undefined, data: Partial<IntegrationRow> & { name: string }) {
    if (row) {
      await this.updateIntegrations({ id: row.id, ...data } as any)
      return
    }
    try {
      await this.createIntegrations(data as any)
    } catch (error) {
      // Another instance created the row first: update it instead.
      const [created] = await this.rowsFor([data.name])
      if (!created) throw error
      await this.updateIntegrations({ id: created.id, ...data } as any)
    }
  }

  private async rowsFor(names: string[]): Promise<IntegrationRow[]> {
    return (await this.listIntegrations({ name: names }, { take: null })) as unknown as IntegrationRow[]
  }

  private resolveRow(descriptor: IntegrationDescriptor<any>, row?: IntegrationRow): ResolvedIntegration {
    const merged = mergeConfig(descriptor, this.configured(descriptor.name), row?.settings ?? {}, this.adminSecrets(row))
    const enabled = row?.enabled ?? this.enabledByConfiguration(descriptor.name, merged.missing)
    return { name: descriptor.name, enabled, config: merged.config, missing: merged.missing }
  }

  private viewOf(descriptor: IntegrationDescriptor<any>, row?: IntegrationRow): IntegrationView {
    const configured = this.configured(descriptor.name)
    const merged = mergeConfig(descriptor, configured, row?.settings ?? {}, this.adminSecrets(row))
    const view: IntegrationView = {
      name: descriptor.name,
      label: descriptor.label,
      kind: descriptor.kind,
      description: descriptor.description,
      enabled: row?.enabled ?? this.enabledByConfiguration(descriptor.name, merged.missing),
      enabled_source: row?.enabled == null ? "config" : "admin",
      fields: descriptor.fields,
      settings: {},
      secrets: {},
      missing: merged.missing,
      health: {
        status: row?.health_status ?? "unknown",
        latency_ms: row?.health_latency_ms ?? null,
        checked_at: row?.health_checked_at ?? null,
        error: row?.health_error ?? null,
        details: row?.health_details ?? null,
      },
    }
    for (const field of descriptor.fields) {
      const source = merged.sources[field.key]
      if (field.secret) {
        view.secrets[field.key] = { set: source !== null, source: source === "default" ? null : source }
      } else {
        view.settings[field.key] = { value: merged.config[field.key] ?? null, source }
      }
    }
    return view
  }

  /** Enabled by default once the plugin options hold every required value. */
  private enabledByConfiguration(name: string, missing: string[]): boolean {
    if (this.getDescriptor(name).enabledByDefault) return true
    return this.configured(name) !== undefined && missing.length === 0
  }

  private configured(name: string): IntegrationConfig | undefined {
    return this.options.integrations?.[name]
  }

  private adminSecrets(row?: IntegrationRow): Record<string, string> {
    if (!row?.secrets_sealed) {
      return {}
    }
    return JSON.parse(decrypt(this.key, row.secrets_sealed, sealingContext(row.name)))
  }

}

function withoutNulls<T>(record: Record<string, T | null>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as Record<string, T>
}
