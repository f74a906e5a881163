import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** The drop-in listing's one param of its own: hybrid search at this weight of meaning against keywords (0…1). */
export const SEMANTIC_PARAM = "semantic_ratio"

export type SemanticListingRequest = MedusaRequest & { semanticRatio?: number }

/**
 * Takes `semantic_ratio` off the query before Medusa's validator of `GET /store/products`, which refuses any
 * param it does not know; a value that is not a number from 0 to 1 is a 400 naming it.
 */
export function takeSemanticRatio(req: SemanticListingRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const raw = req.query[SEMANTIC_PARAM]
  if (raw === undefined) return next()
  delete req.query[SEMANTIC_PARAM]
  const ratio = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN
  if (!(ratio >= 0 && ratio <= 1)) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${SEMANTIC_PARAM} must be a number from 0 to 1`))
  }
  req.semanticRatio = ratio
  next()
}
