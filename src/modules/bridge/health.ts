import type { MedusaContainer } from "@medusajs/framework/types"
import { safeErrorMessage } from "../../lib/redact"
import type { HealthResult, IntegrationDescriptor, ResolvedIntegration } from "./types"

export class HealthCheckTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Health check timed out after ${timeoutMs} ms`)
    this.name = "HealthCheckTimeoutError"
  }
}

/**
 * Runs one integration's check, bounded by `timeoutMs`. Never throws: every
 * failure becomes a `down` result whose message holds no secret.
 */
export async function runHealthCheck(
  descriptor: IntegrationDescriptor<any>,
  integration: ResolvedIntegration,
  { timeoutMs, container, secretValues }: { timeoutMs: number; container: MedusaContainer; secretValues: string[] }
): Promise<HealthResult> {
  const started = Date.now()
  const result = (status: HealthResult["status"], error: string | null, details: Record<string, unknown> | null = null) => ({
    status,
    latency_ms: Date.now() - started,
    checked_at: new Date(),
    error,
    details,
  })
  if (integration.missing.length) {
    return result("down", `Missing required setting: ${integration.missing.join(", ")}`)
  }
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new HealthCheckTimeoutError(timeoutMs))
    }, timeoutMs)
  })
  try {
    const check = descriptor.check({ config: integration.config, signal: controller.signal, container })
    const outcome = await Promise.race([check, timeout])
    const message = outcome.message ? safeErrorMessage(outcome.message, secretValues) : null
    return result(outcome.status, outcome.status === "down" ? message ?? "Reported down" : null, outcome.details ?? null)
  } catch (error) {
    return result("down", safeErrorMessage(error, secretValues))
  } finally {
    clearTimeout(timer)
  }
}
