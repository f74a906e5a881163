import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MagnifyingGlass } from "@medusajs/icons"
import { Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { QueryState } from "../../../components/query-state"
import { useReindexIndex, useSearchStatus } from "../../../hooks/use-search"
import { errorMessage } from "../../../lib/sdk"
import { reindexPhase, RequestedReindex, SearchIndexView, SearchStatusResponse } from "../../../lib/search"
import { DegradedBanner } from "./components/degraded-banner"
import { IndexTable } from "./components/index-table"
import { ProviderSummary } from "./components/provider-summary"

const following = (phase: string) => phase === "starting" || phase === "running"

const SearchPage = () => {
  const [requested, setRequested] = useState<Record<string, RequestedReindex>>({})
  const phaseOf = (index: SearchIndexView) => reindexPhase(index, requested[index.name])
  const busy = (status?: SearchStatusResponse) => Boolean(status?.indexes.some((index) => following(phaseOf(index))))
  const { data, isLoading, isError, error, refetch } = useSearchStatus(busy)
  const reindex = useReindexIndex()

  const startReindex = (index: SearchIndexView) =>
    reindex.mutate(index.name, {
      onSuccess: () => {
        setRequested((current) => ({ ...current, [index.name]: { previousStart: index.last_sync?.started_at ?? null, requestedAt: Date.now() } }))
        toast.info(`Reindexing ${index.name}`)
      },
      onError: (failure) => toast.error(errorMessage(failure)),
    })

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Search status</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The search indexes: documents against the catalogue, drift, the last write and the last sync. Refreshes every 10 seconds,
          every second while a reindex runs.
        </Text>
      </div>
      <QueryState what="search status" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && (
        <>
          <ProviderSummary provider={data.provider} queue={data.queue} />
          <DegradedBanner provider={data.provider} indexes={data.indexes} />
          {data.indexes.length === 0 ? (
            <Text size="small" className="px-6 py-4 text-ui-fg-subtle" role="status">
              No search index is registered. Define one in the store's src/search folder with CommerceBridge's productSearchIndex().
            </Text>
          ) : (
            <IndexTable
              indexes={data.indexes}
              phaseOf={phaseOf}
              onReindex={startReindex}
              requesting={reindex.isPending ? reindex.variables : undefined}
              requestError={reindex.isError && reindex.variables ? { index: reindex.variables, error: reindex.error } : undefined}
            />
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Search status",
  icon: MagnifyingGlass,
})

export default SearchPage
