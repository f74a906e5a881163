import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOrThrow } from "../../../../lib/validation"
import { NOTIFICATIONS_MODULE } from "../../../../modules/notifications"
import type DeliveryModuleService from "../../../../modules/notifications/service"
import type { DeliveryRecord } from "../../../../modules/notifications/types"
import { ListDeliveriesQuerySchema } from "./validators"
import { deliveryView } from "./view"

/** Every message, newest first, filtered by status, channel, template or resource. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { offset, limit, ...filters } = parseOrThrow(ListDeliveriesQuerySchema, req.query, "query")
  const deliveries = req.scope.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
  const [rows, count] = await deliveries.listAndCountDeliveries(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ deliveries: (rows as unknown as DeliveryRecord[]).map(deliveryView), count, offset, limit })
}
