import { Module } from "@medusajs/framework/utils"
import StrapiModuleService from "./service"

export const STRAPI_MODULE = "commerceBridgeStrapi"

export default Module(STRAPI_MODULE, {
  service: StrapiModuleService,
})

export { StrapiModuleService }
export * from "./types"
