import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { BRIDGE_MODULE } from "../modules/bridge"
import type { OpenAIConfig } from "../modules/bridge/integrations"
import type BridgeModuleService from "../modules/bridge/service"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type EngagementModuleService from "../modules/engagement/service"
import { OpenAIEngagementProvider } from "../providers/engagement-openai"
import { EngagementError } from "./errors"
import type { EngagementClientOptions } from "./options"

/** How long a provider replaced by new settings keeps serving requests already under way. */
const RETIRE_AFTER_MS = 120_000

export interface OpenAISettings {
  config: OpenAIConfig & { apiKey: string; model: string }
  /** The monthly budget: the integration's (admin, else its options), else `engagement.monthlyBudgetUsd`; undefined: no limit. */
  monthlyBudgetUsd: number | undefined
}

/**
 * The OpenAI integration as it is now (read at every use, so a key entered in the admin applies at
 * once). Switched off or incomplete: a 409 that says so.
 */
export async function readOpenAISettings(container: MedusaContainer): Promise<OpenAISettings> {
  const { enabled, config, missing } = await container.resolve<BridgeModuleService>(BRIDGE_MODULE).integrations.openai.read()
  if (missing.length) {
    throw new EngagementError(409, "openai_not_configured", `OpenAI is not configured: ${missing.join(", ")} missing (Settings → Integrations → OpenAI)`)
  }
  if (!enabled) {
    throw new EngagementError(409, "openai_switched_off", "OpenAI is switched off in Settings → Integrations")
  }
  return {
    config: { ...config, apiKey: config.apiKey!, model: config.model! },
    monthlyBudgetUsd: monthlyBudget(container, config),
  }
}

/** The monthly budget whether or not OpenAI is on (the usage page shows it either way). */
export async function readMonthlyBudget(container: MedusaContainer): Promise<number | undefined> {
  const { config } = await container.resolve<BridgeModuleService>(BRIDGE_MODULE).integrations.openai.read()
  return monthlyBudget(container, config)
}

function monthlyBudget(container: MedusaContainer, config: OpenAIConfig): number | undefined {
  const fromIntegration = Number(config.monthlyBudgetUsd)
  if (config.monthlyBudgetUsd !== undefined && Number.isFinite(fromIntegration)) return fromIntegration
  return container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE).settings.monthlyBudgetUsd
}

/** One provider per set of settings, so its rate limiter is shared by every request; a new key or URL builds a new one. */
export class EngagementProviders {
  private current?: { key: string; provider: OpenAIEngagementProvider }
  private readonly retiring = new Set<OpenAIEngagementProvider>()

  constructor(
    private readonly client: EngagementClientOptions = {},
    private readonly logger?: Logger
  ) {}

  forSettings({ config }: OpenAISettings): OpenAIEngagementProvider {
    const key = JSON.stringify([config.apiKey, config.baseUrl, config.model])
    if (this.current?.key === key) return this.current.provider
    if (this.current) this.retire(this.current.provider)
    const provider = new OpenAIEngagementProvider({ ...this.client, apiKey: config.apiKey, baseUrl: config.baseUrl, model: config.model }, this.logger)
    this.current = { key, provider }
    return provider
  }

  /** Closes every provider; idempotent. */
  close() {
    this.current?.provider.close()
    this.current = undefined
    this.retiring.forEach((provider) => provider.close())
    this.retiring.clear()
  }

  private retire(provider: OpenAIEngagementProvider) {
    this.retiring.add(provider)
    const timer = setTimeout(() => {
      provider.close()
      this.retiring.delete(provider)
    }, RETIRE_AFTER_MS)
    timer.unref()
  }
}
