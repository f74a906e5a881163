import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SemanticPostgresSearchService } from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [SemanticPostgresSearchService] })

export { SemanticPostgresSearchService }
