import { Text } from "@medusajs/ui"
import { useEngagementUsage } from "../../../../hooks/use-engagements"
import { usageText } from "../../../../lib/engagements"
import { errorMessage } from "../../../../lib/sdk"

/** The OpenAI integration's spend this month: tokens in and out, cost, and the budget with what it has left. */
export function OpenAIUsage() {
  const { data, isError, error } = useEngagementUsage()
  if (isError) {
    return (
      <Text size="xsmall" className="text-ui-fg-error">
        Could not load this month's usage: {errorMessage(error)}
      </Text>
    )
  }
  if (!data) return null
  return (
    <Text size="xsmall" className="text-ui-fg-subtle" data-testid="openai-usage">
      This month: {usageText(data.usage)}
    </Text>
  )
}
