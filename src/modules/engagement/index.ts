import { Module } from "@medusajs/framework/utils"
import EngagementModuleService from "./service"

export const ENGAGEMENT_MODULE = "commerceBridgeEngagement"

export default Module(ENGAGEMENT_MODULE, {
  service: EngagementModuleService,
})

export { EngagementModuleService }
export * from "./types"
