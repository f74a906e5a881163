import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { BRIDGE_MODULE } from "../../../modules/bridge"
import type BridgeModuleService from "../../../modules/bridge/service"
import type { IntegrationView } from "../../../modules/bridge/types"
import { checkIntegrationsHealthWorkflow } from "../../../workflows/check-integrations-health"

/** The scheduled job checks every minute; older results are checked again before answering. */
const MAX_RESULT_AGE_MS = 2 * 60 * 1000

const isStale = (view: IntegrationView) =>
  !view.health.checked_at || Date.now() - new Date(view.health.checked_at).getTime() > MAX_RESULT_AGE_MS

/** Readiness: 200 when every enabled integration is up, 503 with each one's status otherwise. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const bridge = req.scope.resolve<BridgeModuleService>(BRIDGE_MODULE)
  let enabled = (await bridge.describeIntegrations()).filter((view) => view.enabled)
  const stale = enabled.filter(isStale).map((view) => view.name)
  if (stale.length) {
    await checkIntegrationsHealthWorkflow(req.scope).run({ input: { names: stale } })
    enabled = await bridge.describeIntegrations(enabled.map((view) => view.name))
  }
  const integrations = Object.fromEntries(
    enabled.map(({ name, health }) => [
      name,
      { status: health.status, latency_ms: health.latency_ms, checked_at: health.checked_at, error: health.error },
    ])
  )
  const ready = enabled.every((view) => view.health.status === "up")
  res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "unavailable", integrations })
}
