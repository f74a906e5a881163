import type { MedusaContainer } from "@medusajs/framework/types"
import { BRIDGE_MODULE } from "../modules/bridge"
import type BridgeModuleService from "../modules/bridge/service"
import type { StrapiConfig } from "../modules/bridge/integrations/strapi"
import type { ResolvedIntegration } from "../modules/bridge/types"

export function readStrapiIntegration(container: MedusaContainer): Promise<ResolvedIntegration<StrapiConfig>> {
  return container.resolve<BridgeModuleService>(BRIDGE_MODULE).integrations.strapi.read()
}

/** Whether catalogue changes go to Strapi: the integration is on and knows where Strapi is. */
export function isSyncActive(integration: ResolvedIntegration<StrapiConfig>): boolean {
  return integration.enabled && Boolean(integration.config.url)
}
