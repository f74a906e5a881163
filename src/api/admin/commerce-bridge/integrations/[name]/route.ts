import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BRIDGE_MODULE } from "../../../../../modules/bridge"
import type BridgeModuleService from "../../../../../modules/bridge/service"
import type { UpdateIntegrationBody } from "../validators"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const bridge = req.scope.resolve<BridgeModuleService>(BRIDGE_MODULE)
  res.json({ integration: await bridge.describeIntegration(req.params.name) })
}

/** Enables or disables an integration and sets its settings and secrets. */
export async function POST(req: AuthenticatedMedusaRequest<UpdateIntegrationBody>, res: MedusaResponse) {
  const bridge = req.scope.resolve<BridgeModuleService>(BRIDGE_MODULE)
  const integration = await bridge.configureIntegration(req.params.name, req.validatedBody)
  res.json({ integration })
}
