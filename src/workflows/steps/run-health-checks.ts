import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BRIDGE_MODULE, runHealthCheck } from "../../modules/bridge"
import type BridgeModuleService from "../../modules/bridge/service"
import type { HealthResult } from "../../modules/bridge/types"

export const runHealthChecksStepId = "commerce-bridge-run-health-checks"

export interface HealthCheckReport extends HealthResult {
  name: string
}

/**
 * Runs the checks of the named integrations (default: every enabled one) in parallel and
 * stores each result. Not compensated: a health result is an observation, not a change.
 */
export const runHealthChecksStep = createStep(
  runHealthChecksStepId,
  async (input: { names?: string[] }, { container }) => {
    const bridge = container.resolve<BridgeModuleService>(BRIDGE_MODULE)
    const names = input.names ?? bridge.listDescriptors().map((descriptor) => descriptor.name)
    const integrations = await Promise.all(names.map((name) => bridge.resolveIntegration(name)))
    const selected = input.names ? integrations : integrations.filter((integration) => integration.enabled)
    const secretValues = await bridge.knownSecretValues()
    const reports = await Promise.all(
      selected.map(async (integration): Promise<HealthCheckReport> => {
        const health = await runHealthCheck(bridge.getDescriptor(integration.name), integration, {
          timeoutMs: bridge.healthCheckTimeoutMs,
          container,
          secretValues,
        })
        await bridge.recordHealth(integration.name, health)
        return { name: integration.name, ...health }
      })
    )
    return new StepResponse(reports)
  }
)
