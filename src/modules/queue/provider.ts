import { BullMQQueueProvider } from "../../providers/queue-bullmq/service"
import { LocalQueueProvider } from "../../providers/queue-local/service"
import type { QueueModuleOptions, QueueProvider } from "./types"

type Logger = Pick<Console, "info" | "warn" | "error">

/** BullMQ when a Redis URL is known (or asked for), else the in-process queue. */
export function createQueueProvider(options: QueueModuleOptions, logger: Logger): { name: string; provider: QueueProvider } {
  const redisUrl = options.redisUrl ?? (process.env.REDIS_URL || undefined)
  const name = options.provider ?? (redisUrl ? "bullmq" : "local")
  if (name === "local") {
    return { name, provider: new LocalQueueProvider({}, logger) }
  }
  BullMQQueueProvider.validateOptions({ redisUrl: redisUrl!, prefix: options.prefix })
  return { name, provider: new BullMQQueueProvider({ redisUrl: redisUrl!, prefix: options.prefix }, logger) }
}
