import { Module } from "@medusajs/framework/utils"
import SearchSyncModuleService from "./service"

export const SEARCH_SYNC_MODULE = "commerceBridgeSearchSync"

export default Module(SEARCH_SYNC_MODULE, {
  service: SearchSyncModuleService,
})

export { SearchSyncModuleService }
