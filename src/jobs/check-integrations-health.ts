import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkIntegrationsHealthWorkflow } from "../workflows/check-integrations-health"

/** Keeps every enabled integration's health current for the admin and the readiness endpoint. */
export default async function checkIntegrationsHealthJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await checkIntegrationsHealthWorkflow(container).run({ input: {} })
  const down = result.filter((report) => report.status === "down")
  if (down.length) {
    logger.warn(`CommerceBridge: integrations down: ${down.map((r) => `${r.name} (${r.error})`).join("; ")}`)
  }
}

export const config = {
  name: "commerce-bridge-check-integrations-health",
  schedule: "* * * * *",
}
