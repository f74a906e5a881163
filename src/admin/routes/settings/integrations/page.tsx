import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useIntegrations } from "../../../hooks/use-integrations"
import { errorMessage } from "../../../lib/sdk"
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
      {isLoading && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" role="status">
          Loading integrations…
        </Text>
      )}
      {isError && (
        <div className="flex items-center justify-between gap-x-4 px-6 py-4" role="alert">
          <Text size="small" className="text-ui-fg-error">
            Could not load integrations: {errorMessage(error)}
          </Text>
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Try again
          </Button>
        </div>
      )}
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
