import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BRIDGE_MODULE } from "../../../../modules/bridge"
import type BridgeModuleService from "../../../../modules/bridge/service"

/** Every registered integration with its settings (never a secret value) and last health. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const bridge = req.scope.resolve<BridgeModuleService>(BRIDGE_MODULE)
  const integrations = await bridge.describeIntegrations()
  res.json({ integrations, count: integrations.length })
}
