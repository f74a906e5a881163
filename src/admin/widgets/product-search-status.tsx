import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { QueryState } from "../components/query-state"
import { useProductSearchStatus, useReindexProduct } from "../hooks/use-search"
import { errorMessage } from "../lib/sdk"
import { formatDate, ProductIndexState, ProductSearchStatusResponse } from "../lib/search"

/** A queued reindex, followed until every readable index has written the product again. */
interface QueuedReindex {
  jobId: string
  before: Record<string, string | null>
  at: number
}

const WAIT_MS = 60_000

function rewritten(queued: QueuedReindex, status?: ProductSearchStatusResponse): boolean {
  const readable = status?.indexes.filter((index) => !index.degraded) ?? []
  return readable.length > 0 && readable.every((index) => index.indexed_at !== null && index.indexed_at !== queued.before[index.name])
}

/** Product page: is the product in each CommerceBridge search index, since when, is it current, and reindex it. */
const ProductSearchStatusWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [queued, setQueued] = useState<QueuedReindex | null>(null)
  const waiting = (status?: ProductSearchStatusResponse) => Boolean(queued) && !rewritten(queued!, status) && Date.now() - queued!.at < WAIT_MS
  const { data, isLoading, isError, error, refetch } = useProductSearchStatus(product.id, waiting)
  const reindex = useReindexProduct()

  const reindexProduct = () =>
    reindex.mutate(product.id, {
      onSuccess: ({ job_id }) => {
        const before = Object.fromEntries((data?.indexes ?? []).map((index) => [index.name, index.indexed_at]))
        setQueued({ jobId: job_id, before, at: Date.now() })
        toast.info("Product queued for reindexing")
      },
      onError: (failure) => toast.error(errorMessage(failure)),
    })

  return (
    <Container className="divide-y p-0" data-testid="product-search-status">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2">Search</Heading>
        <Button size="small" variant="secondary" onClick={reindexProduct} isLoading={reindex.isPending} disabled={!data?.indexes.length}>
          Reindex this product
        </Button>
      </div>
      <QueryState what="search status" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.indexes.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" role="status">
          No CommerceBridge search index is defined in this store.
        </Text>
      )}
      {data?.indexes.map((index) => <IndexState key={index.name} index={index} />)}
      {(queued || reindex.isError) && (
        <div className="px-6 py-4" role="status" aria-live="polite">
          <ReindexMessage queued={queued} done={queued ? rewritten(queued, data) : false} error={reindex.isError ? reindex.error : undefined} />
        </div>
      )}
    </Container>
  )
}

function IndexState({ index }: { index: ProductIndexState }) {
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4" data-testid={`product-search-index-${index.name}`}>
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus">{index.name}</Text>
        <div className="flex items-center gap-x-2">
          {index.degraded ? (
            <StatusBadge color="grey">Unknown</StatusBadge>
          ) : index.indexed ? (
            <>
              <StatusBadge color="green">Indexed</StatusBadge>
              <StatusBadge color={index.up_to_date ? "green" : "orange"}>{index.up_to_date ? "Up to date" : "Out of date"}</StatusBadge>
            </>
          ) : (
            <StatusBadge color="orange">Not indexed</StatusBadge>
          )}
        </div>
      </div>
      <Text size="xsmall" className={index.degraded ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
        {index.degraded ? index.message : index.indexed ? `Written ${formatDate(index.indexed_at)}` : "The index holds no document for this product."}
      </Text>
    </div>
  )
}

function ReindexMessage({ queued, done, error }: { queued: QueuedReindex | null; done: boolean; error?: unknown }) {
  if (error) {
    return (
      <Text size="small" className="text-ui-fg-error">
        Could not queue the reindex: {errorMessage(error)}
      </Text>
    )
  }
  if (!queued) return null
  if (done) return <Text size="small" className="text-ui-fg-subtle">Reindexed: every index holds the current product.</Text>
  if (Date.now() - queued.at >= WAIT_MS) {
    return (
      <Text size="small" className="text-ui-fg-error">
        Queued a minute ago and not written yet: the sync queue may be busy or the engine unreachable. See Settings → Queues.
      </Text>
    )
  }
  return <Text size="small" className="text-ui-fg-subtle">Queued for reindexing. Waiting for the index to write it…</Text>
}

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductSearchStatusWidget
