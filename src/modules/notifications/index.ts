import { Module } from "@medusajs/framework/utils"
import DeliveryModuleService from "./service"

export const NOTIFICATIONS_MODULE = "commerceBridgeNotifications"

export default Module(NOTIFICATIONS_MODULE, {
  service: DeliveryModuleService,
})

export { DeliveryModuleService }
export * from "./types"
