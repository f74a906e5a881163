import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  BulkEstimate,
  BulkRun,
  CommonDraftOptions,
  DraftOptions,
  Engagement,
  EngagementFilters,
  EngagementList,
  GenerateResponse,
  MessageOptions,
  ProductSelection,
  Usage,
} from "../lib/engagements"
import { isRunOver } from "../lib/engagements"
import { sdk } from "../lib/sdk"

const BASE = "/admin/commerce-bridge/engagements"
const queryKey = ["commerce-bridge", "engagements"]
/** The dashboard's own product queries (`["products", "list" | "detail", …]`), refreshed once a draft is applied. */
const PRODUCTS_QUERY_KEY = ["products"]

const path = (id: string, action?: string) => `${BASE}/${encodeURIComponent(id)}${action ? `/${action}` : ""}`

/** Drafts newest first: of a product (`subject_id`) or of a bulk run (`bulk_run_id`). */
export function useEngagements(filters: EngagementFilters, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: [...queryKey, "list", filters, page],
    queryFn: () => sdk.client.fetch<EngagementList>(BASE, { query: { ...filters, ...page } }),
    placeholderData: keepPreviousData,
  })
}

/** This month's tokens and cost against the monthly budget. */
export function useEngagementUsage() {
  return useQuery({
    queryKey: [...queryKey, "usage"],
    queryFn: () => sdk.client.fetch<{ usage: Usage }>(`${BASE}/usage`),
    refetchInterval: 30_000,
  })
}

/** A mutation of the generator that refreshes drafts and usage afterwards (and products, when it changed one). */
function useEngagementMutation<Input, Output>(request: (input: Input) => Promise<Output>, changesProducts = false) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey })
      if (changesProducts) await client.invalidateQueries({ queryKey: PRODUCTS_QUERY_KEY })
    },
  })
}

const commonBodyOf = (options: CommonDraftOptions) => ({
  tone: options.tone,
  locale: options.locale.trim() || undefined,
  instructions: options.instructions.trim() || undefined,
})

const bodyOf = (options: DraftOptions) => ({ kind: options.kind, ...commonBodyOf(options) })

export const useGenerateEngagement = () =>
  useEngagementMutation(({ productId, options }: { productId: string; options: DraftOptions }) =>
    sdk.client.fetch<GenerateResponse>(BASE, { method: "POST", body: { ...bodyOf(options), subject_id: productId } })
  )

/** Drafts a follow-up message to an order's customer; only the first name, order number and items reach the model. */
export const useGenerateOrderMessage = () =>
  useEngagementMutation(({ orderId, options }: { orderId: string; options: MessageOptions }) =>
    sdk.client.fetch<GenerateResponse>(BASE, {
      method: "POST",
      body: { kind: "customer_message", subject_type: "order", subject_id: orderId, channel: options.channel, ...commonBodyOf(options) },
    })
  )

export const useEditEngagement = () =>
  useEngagementMutation(({ id, content }: { id: string; content: Record<string, string> }) =>
    sdk.client.fetch<{ engagement: Engagement }>(path(id), { method: "POST", body: { content } })
  )

/** Approves a draft and writes it to its product. */
export const useApplyEngagement = () =>
  useEngagementMutation((id: string) => sdk.client.fetch<{ engagement: Engagement }>(path(id, "apply"), { method: "POST", body: {} }), true)

/** Approves a customer message and queues it through the store's notifications (202). */
export const useSendEngagement = () =>
  useEngagementMutation((id: string) => sdk.client.fetch<{ engagement: Engagement }>(path(id, "send"), { method: "POST", body: {} }))

export const useRejectEngagement = () =>
  useEngagementMutation((id: string) => sdk.client.fetch<{ engagement: Engagement }>(path(id, "reject"), { method: "POST", body: {} }))

/** What a bulk run would cost; nothing is generated. */
export function useEstimateBulkRun() {
  return useMutation({
    mutationFn: ({ selection, options }: { selection: ProductSelection; options: DraftOptions }) =>
      sdk.client.fetch<BulkEstimate>(`${BASE}/bulk/estimate`, { method: "POST", body: { ...bodyOf(options), ...selection } }),
  })
}

export const useStartBulkRun = () =>
  useEngagementMutation(({ selection, options }: { selection: ProductSelection; options: DraftOptions }) =>
    sdk.client.fetch<{ bulk_run: BulkRun; estimate: BulkEstimate }>(`${BASE}/bulk`, {
      method: "POST",
      body: { ...bodyOf(options), ...selection, confirm: true },
    })
  )

/** A bulk run's progress, once a second until it is over. */
export function useBulkRun(id: string | null) {
  return useQuery({
    queryKey: [...queryKey, "bulk", id],
    queryFn: () => sdk.client.fetch<{ bulk_run: BulkRun }>(`${BASE}/bulk/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (isRunOver(query.state.data?.bulk_run) ? false : 1_000),
  })
}

/** The store's locales, offered when choosing what language a draft is written in. */
export function useStoreLocales() {
  return useQuery({
    queryKey: ["commerce-bridge", "store-locales"],
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,supported_locales.locale_code" })
      return (stores[0]?.supported_locales ?? []).map((locale) => locale.locale_code)
    },
    staleTime: 5 * 60_000,
  })
}

/** Products to choose from for a bulk run: a page of the catalogue, searched by `q`. */
export function useProductsToDraft(q: string, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: ["commerce-bridge", "engagement-products", q, page],
    queryFn: () => sdk.admin.product.list({ q: q || undefined, ...page, fields: "id,title,status,thumbnail", order: "title" }),
    placeholderData: keepPreviousData,
  })
}

/** Titles of the products a list of drafts is about. */
export function useProductTitles(ids: string[]) {
  return useQuery({
    queryKey: ["commerce-bridge", "engagement-product-titles", ids],
    queryFn: async () => {
      const { products } = await sdk.admin.product.list({ id: ids, fields: "id,title", limit: ids.length })
      return Object.fromEntries(products.map((product) => [product.id, product.title]))
    },
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  })
}
