import { ModuleProvider } from "@medusajs/framework/utils"
import { LocalQueueProvider } from "./service"

export default ModuleProvider("queue", { services: [LocalQueueProvider] })

export { LocalQueueProvider }
export * from "./types"
