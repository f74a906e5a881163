import type { MedusaContainer } from "@medusajs/framework/types"
import { runHealthCheck } from "../health"
import type { IntegrationDescriptor, ResolvedIntegration } from "../types"

const container = {} as MedusaContainer
const integration: ResolvedIntegration = { name: "demo", enabled: true, config: { apiKey: "sk-secret-value" }, missing: [] }
const descriptorWith = (check: IntegrationDescriptor["check"]): IntegrationDescriptor => ({
  name: "demo",
  label: "Demo",
  kind: "other",
  description: "",
  fields: [{ key: "apiKey", label: "API key", type: "string", secret: true, required: true }],
  check,
})
const options = { timeoutMs: 200, container, secretValues: ["sk-secret-value"] }

describe("runHealthCheck", () => {
  it("reports up with latency and details", async () => {
    const result = await runHealthCheck(descriptorWith(async () => ({ status: "up", details: { v: 1 } })), integration, options)
    expect(result).toMatchObject({ status: "up", error: null, details: { v: 1 } })
    expect(result.latency_ms).toBeGreaterThanOrEqual(0)
    expect(result.checked_at).toBeInstanceOf(Date)
  })

  it("turns a thrown error into down without the secret", async () => {
    const check = async () => {
      throw new Error("401 for sk-secret-value")
    }
    const result = await runHealthCheck(descriptorWith(check), integration, options)
    expect(result).toMatchObject({ status: "down", error: "401 for [redacted]" })
  })

  it("times out a check that hangs and aborts its signal", async () => {
    let signal: AbortSignal | undefined
    const check: IntegrationDescriptor["check"] = (context) => {
      signal = context.signal
      return new Promise(() => undefined)
    }
    const result = await runHealthCheck(descriptorWith(check), integration, options)
    expect(result).toMatchObject({ status: "down", error: "Health check timed out after 200 ms" })
    expect(signal?.aborted).toBe(true)
  })

  it("does not call the check while a required setting is missing", async () => {
    const check = jest.fn()
    const result = await runHealthCheck(descriptorWith(check), { ...integration, missing: ["apiKey"] }, options)
    expect(result).toMatchObject({ status: "down", error: "Missing required setting: apiKey" })
    expect(check).not.toHaveBeenCalled()
  })

  it("keeps the message of a check that reports down", async () => {
    const check = async () => ({ status: "down" as const, message: "cluster is red" })
    expect(await runHealthCheck(descriptorWith(check), integration, options)).toMatchObject({ status: "down", error: "cluster is red" })
  })
})
