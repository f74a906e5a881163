import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { NOTIFICATIONS_MODULE } from "../../../../../modules/notifications"
import type DeliveryModuleService from "../../../../../modules/notifications/service"
import { deliveryDetailView } from "../view"

/** One message with its rendered body (the admin previews the HTML in a sandboxed frame). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const deliveries = req.scope.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
  res.json({ delivery: deliveryDetailView(await deliveries.retrieveDeliveryRecord(req.params.id)) })
}
