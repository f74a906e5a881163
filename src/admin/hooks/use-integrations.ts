import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { Integration, IntegrationUpdate } from "../lib/integrations"
import { sdk } from "../lib/sdk"

const BASE = "/admin/commerce-bridge/integrations"
const queryKey = ["commerce-bridge", "integrations"]

export function useIntegrations() {
  return useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<{ integrations: Integration[] }>(BASE),
    refetchInterval: 30_000,
  })
}

function useIntegrationMutation<Input>(request: (name: string, input: Input) => Promise<{ integration: Integration }>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ name, input }: { name: string; input: Input }) => request(name, input),
    onSuccess: ({ integration }) => {
      client.setQueryData<{ integrations: Integration[] }>(queryKey, (data) =>
        data ? { integrations: data.integrations.map((i) => (i.name === integration.name ? integration : i)) } : data
      )
    },
  })
}

export const useUpdateIntegration = () =>
  useIntegrationMutation<IntegrationUpdate>((name, body) =>
    sdk.client.fetch(`${BASE}/${name}`, { method: "POST", body })
  )

export const useCheckIntegration = () =>
  useIntegrationMutation<void>((name) => sdk.client.fetch(`${BASE}/${name}/check`, { method: "POST", body: {} }))
