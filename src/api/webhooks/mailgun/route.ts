import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BRIDGE_MODULE } from "../../../modules/bridge"
import type BridgeModuleService from "../../../modules/bridge/service"
import { NOTIFICATIONS_MODULE } from "../../../modules/notifications"
import type DeliveryModuleService from "../../../modules/notifications/service"
import { MailgunWebhookBody, mailgunStatusReport, verifyMailgunSignature } from "../../../notifications/webhooks/mailgun"

/** Mailgun's delivery events (delivered, permanent failures) update the message they are about. */
export async function POST(req: MedusaRequest<MailgunWebhookBody>, res: MedusaResponse) {
  const { config } = await req.scope.resolve<BridgeModuleService>(BRIDGE_MODULE).integrations.mailgun.read()
  verifyMailgunSignature(req.body ?? {}, config.webhookSigningKey)
  const report = mailgunStatusReport(req.body)
  const delivery = report ? await req.scope.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE).applyStatusReport(report) : null
  res.json({ updated: Boolean(delivery), status: delivery?.status ?? null })
}
