import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BRIDGE_MODULE } from "../../../../../../modules/bridge"
import type BridgeModuleService from "../../../../../../modules/bridge/service"
import { checkIntegrationsHealthWorkflow } from "../../../../../../workflows/check-integrations-health"

/** Runs the integration's health check now, whether or not it is enabled. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const bridge = req.scope.resolve<BridgeModuleService>(BRIDGE_MODULE)
  const { name } = req.params
  bridge.getDescriptor(name)
  await checkIntegrationsHealthWorkflow(req.scope).run({ input: { names: [name] } })
  res.json({ integration: await bridge.describeIntegration(name) })
}
