import { MedusaError } from "@medusajs/framework/utils"

/** INVALID_DATA naming the factory and the option: `CommerceBridge category search index: name: …`. */
export const indexOptionError = (kind: string, message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `CommerceBridge ${kind} search index: ${message}`)
