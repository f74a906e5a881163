import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { QueryState } from "../../../components/query-state"
import { useIntegrations } from "../../../hooks/use-integrations"
import { IntegrationRow } from "./components/integration-row"

const IntegrationsPage = () => {
  const { data, isLoading, isError, error, refetch } = useIntegrations()

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Integrations</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Switch CommerceBridge integrations on and off, set their credentials and see their health.
        </Text>
      </div>
      <QueryState what="integrations" isLoading={isLoading} isError={isError} error={error} refetch={refetch} />
      {data && data.integrations.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No integrations are registered.
        </Text>
      )}
      {data?.integrations.map((integration) => <IntegrationRow key={integration.name} integration={integration} />)}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Integrations",
})

export default IntegrationsPage
