import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { parseOrThrow } from "../../../lib/validation"

/** Validates Strapi's body into `req.validatedBody`; a 400 names the first bad field by its path (`content.gallery.0.url`). */
export function parseStrapiBody(schema: z.ZodType) {
  return function parseBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      req.validatedBody = parseOrThrow(schema, req.body ?? {}, "body")
      next()
    } catch (error) {
      next(error)
    }
  }
}
