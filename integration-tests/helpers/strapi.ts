import { strapiSignature } from "../../src/strapi-sync/signature"

/**
 * The headers Strapi signs a request to Medusa's /webhooks/strapi/* with: hex HMAC-SHA256(secret,
 * timestamp + "." + body). `body` is the exact request body ("" for a GET); `timestamp` is in unix
 * seconds, now by default.
 */
export function signStrapiRequest(secret: string, body: string, timestamp: number = Math.floor(Date.now() / 1000)) {
  const seconds = String(timestamp)
  return {
    "x-commerce-bridge-timestamp": seconds,
    "x-commerce-bridge-signature": strapiSignature(secret, seconds, body),
  }
}
