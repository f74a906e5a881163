import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseOrThrow } from "../../../../../../../lib/validation"
import { SEARCH_SYNC_MODULE } from "../../../../../../../modules/search-sync"
import type SearchSyncModuleService from "../../../../../../../modules/search-sync/service"
import { retrieveProduct } from "../../../product-status"
import type { ReindexProductResponse } from "../../../types"
import { ProductParamsSchema, ReindexProductBody } from "../../../validators"

/** Queues a rewrite of the product in every kept index, through the search-sync queue. */
export async function POST(req: AuthenticatedMedusaRequest<ReindexProductBody>, res: MedusaResponse<ReindexProductResponse>) {
  const { id } = parseOrThrow(ProductParamsSchema, req.params, "path")
  await retrieveProduct(req.scope, id)
  const job_id = await req.scope.resolve<SearchSyncModuleService>(SEARCH_SYNC_MODULE).queueProducts([id])
  res.status(202).json({ job_id })
}
