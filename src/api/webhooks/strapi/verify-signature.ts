import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readStrapiIntegration } from "../../../strapi-sync/connection"
import { SIGNATURE_HEADER, strapiSignatures, TIMESTAMP_HEADER } from "../../../strapi-sync/signature"

/** Refuses (401) a request to /webhooks/strapi/* that Strapi did not sign with the integration's webhookSecret. */
export async function verifyStrapiSignature(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const { config } = await readStrapiIntegration(req.scope)
    strapiSignatures.verify(config.webhookSecret, {
      timestamp: req.get(TIMESTAMP_HEADER),
      signature: req.get(SIGNATURE_HEADER),
      rawBody: req.rawBody ?? "",
    })
    next()
  } catch (error) {
    next(error)
  }
}
