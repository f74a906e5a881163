import { createHmac } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-commerce-bridge-timestamp';
export const SIGNATURE_HEADER = 'x-commerce-bridge-signature';

/** The headers Medusa checks: HMAC-SHA256 over `timestamp + "." + body` with the shared secret. */
export function signedHeaders(secret: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature };
}
