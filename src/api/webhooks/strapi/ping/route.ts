import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** Strapi's connection check: reaching this means Medusa answered and the signature held. */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res.json({ ok: true })
}
