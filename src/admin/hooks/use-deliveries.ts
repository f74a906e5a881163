import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { Delivery, DeliveryDetail, DeliveryFilters, DeliveryList } from "../lib/deliveries"
import { sdk } from "../lib/sdk"

const BASE = "/admin/commerce-bridge/deliveries"
const REFRESH_MS = 5_000
const queryKey = ["commerce-bridge", "deliveries"]

export function useDeliveries(filters: DeliveryFilters, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: [...queryKey, "list", filters, page],
    queryFn: () => sdk.client.fetch<DeliveryList>(BASE, { query: { ...filters, ...page } }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  })
}

export function useDelivery(id: string) {
  return useQuery({
    queryKey: [...queryKey, "detail", id],
    queryFn: () => sdk.client.fetch<{ delivery: DeliveryDetail }>(`${BASE}/${encodeURIComponent(id)}`),
    refetchInterval: REFRESH_MS,
  })
}

/** A mutation that creates a delivery and refreshes every delivery query. */
function useDeliveryMutation<Input>(request: (input: Input) => Promise<{ delivery: Delivery }>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => client.invalidateQueries({ queryKey }),
  })
}

export const useResendDelivery = () =>
  useDeliveryMutation((id: string) =>
    sdk.client.fetch<{ delivery: Delivery }>(`${BASE}/${encodeURIComponent(id)}/resend`, { method: "POST", body: {} })
  )

/** Queues a test message through an integration that sends messages (Mailgun, Twilio). */
export const useSendTestMessage = () =>
  useDeliveryMutation(({ integration, to }: { integration: string; to: string }) =>
    sdk.client.fetch<{ delivery: Delivery }>(
      `/admin/commerce-bridge/integrations/${encodeURIComponent(integration)}/test-message`,
      { method: "POST", body: { to } }
    )
  )
