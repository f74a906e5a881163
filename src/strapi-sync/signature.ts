import { createHmac, timingSafeEqual } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { ReplayGuard } from "../lib/replay-guard"

export const TIMESTAMP_HEADER = "x-commerce-bridge-timestamp"
export const SIGNATURE_HEADER = "x-commerce-bridge-signature"

/** A signed request whose timestamp is further than this from Medusa's clock is refused. */
export const STRAPI_MAX_SKEW_MS = 300_000

export interface SignedRequest {
  timestamp?: string
  signature?: string
  /** The exact request body; "" for a GET. */
  rawBody: string | Buffer
}

/** hex HMAC-SHA256(secret, timestamp + "." + rawBody), as the contract defines it. */
export function strapiSignature(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")
}

const unauthorized = (message: string) => new MedusaError(MedusaError.Types.UNAUTHORIZED, message)

/**
 * Verifies Strapi's requests: both headers, the signature, a timestamp within 300 s of this clock, and
 * a signature not accepted before (the guard remembers accepted ones past the window, so a replay is
 * refused even at the edge of it).
 */
export class StrapiSignatureVerifier {
  constructor(private readonly replays = new ReplayGuard(2 * STRAPI_MAX_SKEW_MS)) {}

  verify(secret: string | undefined, request: SignedRequest, now = Date.now()): void {
    if (!secret) throw unauthorized("Strapi requests are refused: the Strapi integration has no webhookSecret")
    const { timestamp, signature } = request
    if (!timestamp || !signature) throw unauthorized(`Strapi request: the ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} headers are required`)
    const expected = Buffer.from(strapiSignature(secret, timestamp, request.rawBody), "hex")
    const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized("Strapi request: bad signature")
    const seconds = Number(timestamp)
    if (!/^\d+$/.test(timestamp) || Math.abs(now - seconds * 1000) > STRAPI_MAX_SKEW_MS) {
      throw unauthorized("Strapi request: the timestamp is more than 300 s away from this server's clock")
    }
    if (!this.replays.firstUse(signature.toLowerCase(), now)) throw unauthorized("Strapi request: this signature was already used")
  }
}

/** The verifier of this process: replays are remembered per instance, bounded across instances by the window. */
export const strapiSignatures = new StrapiSignatureVerifier()
