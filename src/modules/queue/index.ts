import { Module } from "@medusajs/framework/utils"
import QueueModuleService from "./service"

export const QUEUE_MODULE = "commerceBridgeQueue"

export default Module(QUEUE_MODULE, {
  service: QueueModuleService,
})

export { QueueModuleService }
export * from "./types"
