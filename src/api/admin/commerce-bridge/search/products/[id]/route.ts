import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOrThrow } from "../../../../../../lib/validation"
import { productSearchStatus } from "../../product-status"
import { ProductParamsSchema } from "../../validators"

/** Whether the product is indexed in each kept index, when, and whether the document is current. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { id } = parseOrThrow(ProductParamsSchema, req.params, "path")
  res.json(await productSearchStatus(req.scope, id))
}
