import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { QueueDetail, QueueSummary } from "../lib/queues"
import { sdk } from "../lib/sdk"

const BASE = "/admin/commerce-bridge/queues"
const REFRESH_MS = 5_000

export function useQueues() {
  return useQuery({
    queryKey: ["commerce-bridge", "queues"],
    queryFn: () => sdk.client.fetch<{ provider: string; consumes_jobs: boolean; queues: QueueSummary[] }>(BASE),
    refetchInterval: REFRESH_MS,
  })
}

export function useQueue(name: string, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: ["commerce-bridge", "queues", name, page],
    queryFn: () => sdk.client.fetch<QueueDetail>(`${BASE}/${encodeURIComponent(name)}`, { query: page }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  })
}

function useQueueMutation<Input, Output>(request: (input: Input) => Promise<Output>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSettled: () => client.invalidateQueries({ queryKey: ["commerce-bridge", "queues"] }),
  })
}

export const usePauseQueue = () =>
  useQueueMutation(({ name, action }: { name: string; action: "pause" | "resume" }) =>
    sdk.client.fetch(`${BASE}/${encodeURIComponent(name)}/${action}`, { method: "POST", body: {} })
  )

export const useDeadLetterAction = () =>
  useQueueMutation(({ name, action, ids }: { name: string; action: "replay" | "discard"; ids?: string[] }) =>
    sdk.client.fetch<{ replayed?: number; discarded?: number }>(
      `${BASE}/${encodeURIComponent(name)}/dead-letters/${action}`,
      { method: "POST", body: ids ? { ids } : { all: true } }
    )
  )
