import { ModuleProvider } from "@medusajs/framework/utils"
import { BullMQQueueProvider } from "./service"

export default ModuleProvider("queue", { services: [BullMQQueueProvider] })

export { BullMQQueueProvider }
export type { BullMQQueueOptions, QueueLogger, RetentionOptions } from "./types"
