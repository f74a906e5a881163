import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import type { SyncRunRecord } from "../modules/strapi/types"
import { isSyncActive, readStrapiIntegration } from "./connection"

/** A run as the contract shows it. */
export function runView(run: SyncRunRecord) {
  const { id, status, entities, total, done, failed, error, started_at, finished_at } = run
  return { id, status, entities, total, done, failed, error, started_at, finished_at }
}

/**
 * Answers 409 when the Strapi integration is switched off (or has no URL) and returns false; Medusa's
 * error handler would replace a CONFLICT's message, so the answer is written here.
 */
export async function requireSyncActive(scope: MedusaContainer, res: MedusaResponse): Promise<boolean> {
  if (isSyncActive(await readStrapiIntegration(scope))) return true
  res.status(409).json({
    type: "not_allowed",
    message: "The Strapi integration is switched off in Medusa (or has no URL): switch it on under Settings → Integrations",
  })
  return false
}
