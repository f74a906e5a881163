/**
 * Removes the bench's queue keys (every key under its own `{cbbench-…}` prefix) once the store is down.
 */
import Redis from "ioredis"

export async function dropPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect()
  let removed = 0
  try {
    for (let cursor = "0"; ; ) {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500)
      if (keys.length) removed += await redis.unlink(...keys)
      cursor = next
      if (cursor === "0") return removed
    }
  } finally {
    redis.disconnect()
  }
}
