import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import BridgeModuleService from "./service"

export const BRIDGE_MODULE = "commerceBridge"

export default Module(BRIDGE_MODULE, {
  service: BridgeModuleService,
  loaders: [validateOptionsLoader],
})

export { BridgeModuleService }
export * from "./types"
export type { IntegrationConfigs } from "./integration-configs"
export { runHealthCheck } from "./health"
