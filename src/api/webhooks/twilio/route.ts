import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BRIDGE_MODULE } from "../../../modules/bridge"
import type BridgeModuleService from "../../../modules/bridge/service"
import { NOTIFICATIONS_MODULE } from "../../../modules/notifications"
import type DeliveryModuleService from "../../../modules/notifications/service"
import { twilioStatusReport, verifyTwilioSignature } from "../../../notifications/webhooks/twilio"

/** Twilio's status callbacks (delivered, undelivered, failed) update the message they are about. */
export async function POST(req: MedusaRequest<Record<string, string>>, res: MedusaResponse) {
  const { config } = await req.scope.resolve<BridgeModuleService>(BRIDGE_MODULE).integrations.twilio.read()
  // Twilio signs the URL it called: the configured callback URL, which also holds behind a proxy.
  const url = config.statusCallbackUrl || `${req.protocol}://${req.get("host")}${req.originalUrl}`
  const params = req.body ?? {}
  verifyTwilioSignature(config, req.get("x-twilio-signature"), url, params)
  const report = twilioStatusReport(params)
  const delivery = report ? await req.scope.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE).applyStatusReport(report) : null
  res.json({ updated: Boolean(delivery), status: delivery?.status ?? null })
}
