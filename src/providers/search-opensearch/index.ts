import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { OpenSearchSearchService } from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [OpenSearchSearchService] })

export { OpenSearchSearchService }
export type { OpenSearchProviderOptions } from "./types"
