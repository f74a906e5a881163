import { Module } from "@medusajs/framework/utils"
import SearchEmbeddingsModuleService from "./service"

export const SEARCH_EMBEDDINGS_MODULE = "commerceBridgeSearchEmbeddings"

export default Module(SEARCH_EMBEDDINGS_MODULE, {
  service: SearchEmbeddingsModuleService,
})

export { SearchEmbeddingsModuleService }
