import { Badge, Button, Switch, Text, toast } from "@medusajs/ui"
import { useCheckIntegration, useUpdateIntegration } from "../../../../hooks/use-integrations"
import type { Integration } from "../../../../lib/integrations"
import { errorMessage } from "../../../../lib/sdk"
import { HealthBadge, lastCheckText } from "./health-badge"
import { OpenAIUsage } from "./openai-usage"
import { SettingsDrawer } from "./settings-drawer"
import { sendsTestMessages, TestMessageDrawer } from "./test-message-drawer"

export function IntegrationRow({ integration }: { integration: Integration }) {
  const update = useUpdateIntegration()
  const check = useCheckIntegration()
  const switchId = `enable-${integration.name}`

  const toggle = (enabled: boolean) =>
    update.mutate(
      { name: integration.name, input: { enabled } },
      {
        onSuccess: () => toast.success(`${integration.label} ${enabled ? "enabled" : "disabled"}`),
        onError: (error) => toast.error(errorMessage(error)),
      }
    )

  const checkNow = () =>
    check.mutate(
      { name: integration.name, input: undefined },
      {
        onSuccess: ({ integration: checked }) =>
          checked.health.status === "up"
            ? toast.success(`${integration.label} is healthy`)
            : toast.error(`${integration.label}: ${checked.health.error ?? "down"}`),
        onError: (error) => toast.error(errorMessage(error)),
      }
    )

  return (
    <div className="flex flex-col gap-3 px-6 py-4 md:flex-row md:items-center" data-testid={`integration-${integration.name}`}>
      <div className="flex flex-1 flex-col gap-y-1">
        <div className="flex items-center gap-x-2">
          <Text size="small" weight="plus" leading="compact">
            {integration.label}
          </Text>
          <Badge size="2xsmall">{integration.kind}</Badge>
          <HealthBadge integration={integration} />
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {integration.description}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {lastCheckText(integration)}
          {integration.missing.length > 0 && ` · Missing: ${integration.missing.join(", ")}`}
        </Text>
        {integration.enabled && integration.health.status === "down" && integration.health.error && (
          <Text size="xsmall" className="text-ui-fg-error" role="status">
            {integration.health.error}
          </Text>
        )}
        {integration.name === "openai" && <OpenAIUsage />}
      </div>
      <div className="flex items-center gap-x-3">
        <div className="flex items-center gap-x-2">
          <Switch
            id={switchId}
            checked={integration.enabled}
            disabled={update.isPending}
            onCheckedChange={toggle}
            aria-label={`Enable ${integration.label}`}
          />
          <label htmlFor={switchId} className="text-ui-fg-subtle txt-compact-small">
            {integration.enabled ? "On" : "Off"}
          </label>
        </div>
        <SettingsDrawer integration={integration} />
        {sendsTestMessages(integration) && <TestMessageDrawer integration={integration} />}
        <Button size="small" variant="secondary" onClick={checkNow} isLoading={check.isPending}>
          Check now
        </Button>
      </div>
    </div>
  )
}
