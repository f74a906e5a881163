import { Alert } from "@medusajs/ui"
import { ENGINE_LABELS, SearchStatusResponse } from "../../../../lib/search"

/** Says plainly what an unreachable engine means for the store, once for every affected index. */
export function DegradedBanner({ provider, indexes }: Pick<SearchStatusResponse, "provider" | "indexes">) {
  const affected = indexes.filter((index) => index.degraded)
  if (!affected.length) return null
  const engine = provider.engine ? ENGINE_LABELS[provider.engine] : "The search engine"
  return (
    <div className="px-6 py-4">
      <Alert variant="warning" role="alert" data-testid="search-degraded">
        <strong>{engine} cannot be reached.</strong> Storefront searches on {affected.map((index) => index.name).join(", ")} answer
        with no results until it is back, and their documents cannot be counted. Catalogue changes wait in the sync queue and are
        written once it answers again.
      </Alert>
    </div>
  )
}
