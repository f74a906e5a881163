import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BRIDGE_MODULE } from "../modules/bridge"
import type BridgeModuleService from "../modules/bridge/service"
import type { IntegrationConfig } from "../modules/bridge/types"
import { VendorDeliveryError } from "./delivery-errors"
import { RenderChannel, RenderedMessage, TemplateRenderer } from "./renderer"

/** Options every CommerceBridge notification provider takes besides its vendor's settings. */
export interface SharedProviderOptions {
  /** Channels this provider serves in the Notification Module (one provider per channel). */
  channels?: string[]
  /**
   * Read the vendor settings from the CommerceBridge integration registry (plugin options merged
   * with what a merchant entered in the admin) at every send, instead of from these options.
   * The Notification Module must list `commerceBridge` in its `dependencies`.
   * @defaultValue false
   */
  useIntegrationSettings?: boolean
  /** The store's template overrides, for notifications sent with a template and no content. */
  templatesDir?: string
}

type Container = Record<string, unknown>

/** Resolves a registration of the module container, or undefined when it is not declared. */
export function optionalDependency<T>(container: Container, key: string): T | undefined {
  try {
    return container[key] as T | undefined
  } catch {
    return undefined
  }
}

/** Where a provider's vendor settings come from: the registry (live) or its own options (fixed). */
export class VendorSettings<Config> {
  private readonly bridge?: BridgeModuleService

  constructor(
    container: Container,
    private readonly integration: string,
    private readonly options: Config & SharedProviderOptions
  ) {
    if (options.useIntegrationSettings) {
      this.bridge = optionalDependency<BridgeModuleService>(container, BRIDGE_MODULE)
    }
  }

  async read(): Promise<Config> {
    if (!this.options.useIntegrationSettings) return this.options
    if (!this.bridge) {
      throw new VendorDeliveryError(
        this.integration,
        "permanent",
        `the provider reads the CommerceBridge registry: add "${BRIDGE_MODULE}" to the Notification Module's dependencies`
      )
    }
    const resolved = await this.bridge.resolveIntegration<Config>(this.integration)
    if (resolved.missing.length) {
      throw new VendorDeliveryError(this.integration, "permanent", `not configured: ${resolved.missing.join(", ")} missing`)
    }
    if (!resolved.enabled) {
      throw new VendorDeliveryError(this.integration, "permanent", "switched off in the Integrations page")
    }
    return resolved.config
  }

  /** Every secret value the settings hold, so no error message can echo one. */
  async secrets(keys: (keyof Config)[]): Promise<string[]> {
    const fromRegistry = this.bridge?.resolveIntegration<Config>(this.integration).then((resolved) => resolved.config, () => undefined)
    const config: Config = (await fromRegistry) ?? this.options
    return keys.map((key) => config[key] as unknown).filter((value): value is string => typeof value === "string")
  }
}

/** Names the first missing option of a provider that does not read the registry. */
export function requireOptions(provider: string, options: IntegrationConfig & SharedProviderOptions, keys: string[]) {
  if (options.useIntegrationSettings) return
  const missing = keys.find((key) => options[key] === undefined || options[key] === "")
  if (missing) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${provider} notification provider: option "${missing}" is required`)
  }
}

/**
 * The content to send: CommerceBridge's pipeline passes it rendered; a caller that passes only a
 * template and data gets it rendered here, in `data.locale`.
 */
export async function contentOf(
  notification: ProviderSendNotificationDTO,
  renderer: () => TemplateRenderer
): Promise<RenderedMessage> {
  const { content } = notification
  if (content?.text || content?.html) {
    return { subject: content.subject ?? null, html: content.html ?? null, text: content.text ?? "" }
  }
  if (!notification.template) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The notification has neither content nor a template")
  }
  const data = notification.data ?? {}
  const locale = renderer().resolveLocale([data.locale as string | undefined])
  return renderer().render(notification.template, notification.channel as RenderChannel, locale, data)
}

/** The vendor client for the current settings; a change of settings (a new key, URL) builds a new one. */
export class ClientForSettings<Client> {
  private current?: { key: string; client: Client }

  get(key: string, create: () => Client): Client {
    if (this.current?.key !== key) this.current = { key, client: create() }
    return this.current.client
  }
}
