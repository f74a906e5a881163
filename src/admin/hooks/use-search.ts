import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ProductSearchStatusResponse, ReindexProductResponse, SearchStatusResponse } from "../lib/search"
import { sdk } from "../lib/sdk"

const BASE = "/admin/commerce-bridge/search"
const queryKey = ["commerce-bridge", "search"]
/** While something runs, once a second; otherwise every 10 seconds. */
const refreshMs = (fast: boolean) => (fast ? 1_000 : 10_000)

/** `busy` tells, from the last answer, whether something runs that is worth following closely. */
export function useSearchStatus(busy: (status: SearchStatusResponse | undefined) => boolean) {
  return useQuery({
    queryKey: [...queryKey, "status"],
    queryFn: () => sdk.client.fetch<SearchStatusResponse>(BASE),
    refetchInterval: (query) => refreshMs(busy(query.state.data)),
  })
}

/** Rebuilds an index through Medusa's own route (a background run; progress shows in the status). */
export function useReindexIndex() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (name: string) =>
      sdk.client.fetch<{ job_id: string; indexes: string[] }>(`/admin/search-indexes/${encodeURIComponent(name)}/reindex`, {
        method: "POST",
        body: {},
      }),
    onSettled: () => client.invalidateQueries({ queryKey }),
  })
}

export function useProductSearchStatus(id: string, busy: (status: ProductSearchStatusResponse | undefined) => boolean) {
  return useQuery({
    queryKey: [...queryKey, "product", id],
    queryFn: () => sdk.client.fetch<ProductSearchStatusResponse>(`${BASE}/products/${encodeURIComponent(id)}`),
    refetchInterval: (query) => refreshMs(busy(query.state.data)),
  })
}

/** Queues the product's rewrite in every kept index through the search-sync queue. */
export function useReindexProduct() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<ReindexProductResponse>(`${BASE}/products/${encodeURIComponent(id)}/reindex`, { method: "POST", body: {} }),
    onSettled: (_data, _error, id) => client.invalidateQueries({ queryKey: [...queryKey, "product", id] }),
  })
}
