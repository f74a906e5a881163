import IORedis from "ioredis"
import type { QueueLogger } from "./types"

/**
 * A Redis connection for queues and workers. `maxRetriesPerRequest: null` makes commands wait for a
 * reconnect instead of failing (BullMQ requires it of workers), and ioredis resends the commands a
 * dropped connection left unanswered. The name lets operators (and the fault tests) tell the
 * provider's connections apart in `CLIENT LIST`; BullMQ names its blocking connections
 * `<prefix>:<base64 queue name>`, so every connection of a provider starts with its prefix.
 */
export function createConnection(redisUrl: string, connectionName: string, logger: QueueLogger): IORedis {
  const connection = new IORedis(redisUrl, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName,
  })
  let lastError = ""
  connection.on("error", (error: Error) => {
    // ioredis reports every failed reconnect; say it once per distinct message.
    if (error.message === lastError) return
    lastError = error.message
    logger.error(`BullMQ queue provider: Redis connection ${connectionName}: ${error.message}`)
  })
  connection.on("ready", () => {
    if (lastError) logger.info(`BullMQ queue provider: Redis connection ${connectionName} is back`)
    lastError = ""
  })
  return connection
}

/** Escapes the glob characters of a literal key part for SCAN MATCH. */
export function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]\\]/g, (character) => `\\${character}`)
}

/** Every key matching `pattern`, with SCAN (never KEYS, which blocks Redis). */
export async function scanKeys(connection: IORedis, pattern: string): Promise<string[]> {
  const keys = new Set<string>()
  let cursor = "0"
  do {
    const [next, batch] = await connection.scan(cursor, "MATCH", pattern, "COUNT", 1000)
    cursor = next
    for (const key of batch) keys.add(key)
  } while (cursor !== "0")
  return [...keys]
}

/** Closes a connection politely, or drops it when Redis does not answer within `timeoutMs`. */
export async function closeConnection(connection: IORedis, timeoutMs = 1000): Promise<void> {
  if (connection.status === "end") return
  if (connection.status !== "ready") {
    connection.disconnect()
    return
  }
  let timer: NodeJS.Timeout | undefined
  const quit = connection.quit().then(
    () => true,
    () => false
  )
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
  const quitted = await Promise.race([quit, timeout])
  clearTimeout(timer)
  if (!quitted) connection.disconnect()
}

/** Whether `promise` resolved to true within `ms` (false on timeout). */
export async function within(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  const result = await Promise.race([promise, timeout])
  clearTimeout(timer)
  return result
}
