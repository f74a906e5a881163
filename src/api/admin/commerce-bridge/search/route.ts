import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchStatus } from "./status"

/** The search provider, every index's documents against the catalogue, its last sync, and the sync queue. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await searchStatus(req.scope))
}
