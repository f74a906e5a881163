import { randomUUID } from "crypto"
import IORedis from "ioredis"
import type { QueueLogger } from "../types"

/** Redis is shared with everything else on the machine: every test works under its own prefix. */
export const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379"

export function uniquePrefix(): string {
  return `{cbtest-${randomUUID().slice(0, 12)}}`
}

/** Collects what the provider logs; errors are also printed (unless `quiet`: a test that expects them). */
export function testLogger({ quiet = false } = {}): QueueLogger & { messages: string[] } {
  const messages: string[] = []
  return {
    messages,
    info: (message) => void messages.push(`info: ${message}`),
    warn: (message) => void messages.push(`warn: ${message}`),
    error: (message) => {
      messages.push(`error: ${message}`)
      if (!quiet) console.error(message)
    },
  }
}

/** Deletes every key under `prefix` (SCAN, never KEYS/FLUSH*: the Redis is shared). */
export async function deletePrefix(admin: IORedis, prefix: string): Promise<void> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`
  let cursor = "0"
  do {
    const [next, keys] = await admin.scan(cursor, "MATCH", pattern, "COUNT", 1000)
    cursor = next
    if (keys.length) await admin.del(...keys)
  } while (cursor !== "0")
}

export function adminConnection(): IORedis {
  return new IORedis(REDIS_URL, { connectionName: "cbtest-admin", maxRetriesPerRequest: 3 })
}
