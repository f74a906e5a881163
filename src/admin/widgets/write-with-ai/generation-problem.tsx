import { Button, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useEngagementUsage } from "../../hooks/use-engagements"
import { problemOf, usageText } from "../../lib/engagements"

const INTEGRATIONS_PATH = "/settings/integrations"

const TITLES = {
  budget: "Monthly AI budget spent",
  openai_off: "OpenAI is not available",
  rate_limited: "The AI server is busy",
  unavailable: "The AI server could not answer",
  other: "Could not do that",
}

/**
 * Why the generator refused or failed, and what to do: the budget's numbers (402), a link to the
 * OpenAI integration (409), a retry hint (429, 502/503).
 */
export function GenerationProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem = problemOf(error)
  const retryable = problem.kind === "rate_limited" || problem.kind === "unavailable"
  return (
    <div role="alert" className="flex flex-col gap-y-2 rounded-md border border-ui-border-error bg-ui-bg-subtle px-4 py-3" data-testid="generation-problem">
      <Text size="small" weight="plus" className="text-ui-fg-error">
        {TITLES[problem.kind]}
        {problem.status ? ` (${problem.status})` : ""}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {problem.message}
      </Text>
      {problem.kind === "budget" && <BudgetFigures />}
      {problem.kind === "rate_limited" && (
        <Text size="small" className="text-ui-fg-subtle">
          Requests are limited per minute by the AI provider. Wait a few seconds, then try again.
        </Text>
      )}
      <div className="flex items-center gap-x-3">
        {(problem.kind === "budget" || problem.kind === "openai_off") && (
          <Link to={INTEGRATIONS_PATH} className="txt-compact-small text-ui-fg-interactive hover:underline">
            Open Settings → Integrations
          </Link>
        )}
        {retryable && onRetry && (
          <Button size="small" variant="secondary" type="button" onClick={onRetry}>
            Try again
          </Button>
        )}
      </div>
    </div>
  )
}

/** This month's spend against the budget, from the usage endpoint. */
function BudgetFigures() {
  const { data } = useEngagementUsage()
  if (!data) return null
  return (
    <Text size="small" className="text-ui-fg-subtle" data-testid="budget-figures">
      This month: {usageText(data.usage)}
    </Text>
  )
}
