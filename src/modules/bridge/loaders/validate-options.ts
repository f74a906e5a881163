import type { LoaderOptions } from "@medusajs/framework/types"
import { encryptionKeyFrom } from "../service"
import type { CommerceBridgeOptions } from "../types"

/** Fails the boot when the secrets key is missing or malformed, naming the variable. */
export default async function validateOptionsLoader({ options }: LoaderOptions<CommerceBridgeOptions>) {
  encryptionKeyFrom(options ?? {})
  const timeout = options?.healthCheckTimeoutMs
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout <= 0)) {
    throw new Error(`CommerceBridge option healthCheckTimeoutMs must be a positive integer (milliseconds)`)
  }
}
