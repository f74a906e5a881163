import type BridgeModuleService from "../modules/bridge/service"
import type { DeliveryChannel } from "../modules/notifications/types"

/** The integration that carries each channel. */
export const INTEGRATION_OF_CHANNEL: Record<DeliveryChannel, "mailgun" | "twilio"> = {
  email: "mailgun",
  sms: "twilio",
  whatsapp: "twilio",
}

export type Route = { provider: "mailgun" | "twilio" } | { provider: "outbox"; reason: string }

/**
 * Where a message goes now: its vendor when the integration is configured and switched on, else
 * the outbox with the reason. Decided per attempt, so the admin switch takes effect at once.
 */
export async function chooseRoute(bridge: BridgeModuleService, channel: DeliveryChannel): Promise<Route> {
  const integration = INTEGRATION_OF_CHANNEL[channel]
  const { label } = bridge.getDescriptor(integration)
  const resolved = await bridge.resolveIntegration(integration)
  if (resolved.missing.length) {
    return { provider: "outbox", reason: `${label} is not configured (${resolved.missing.join(", ")} missing)` }
  }
  if (!resolved.enabled) {
    return { provider: "outbox", reason: `${label} is switched off in the Integrations page` }
  }
  return { provider: integration }
}
