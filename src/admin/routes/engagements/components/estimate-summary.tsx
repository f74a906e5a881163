import { Button, Text } from "@medusajs/ui"
import { formatTokens, formatUsd, KIND_LABELS, type BulkEstimate } from "../../../lib/engagements"

interface EstimateSummaryProps {
  estimate: BulkEstimate
  onStart: () => void
  isStarting: boolean
}

/** What a run would draft and cost, against what the monthly budget has left, and its Start button. */
export function EstimateSummary({ estimate, onStart, isStarting }: EstimateSummaryProps) {
  const overBudget = estimate.budget_left_usd !== null && estimate.estimated_cost_usd > estimate.budget_left_usd
  const figures: [string, string][] = [
    ["Products", String(estimate.products)],
    ["Estimated tokens", formatTokens(estimate.estimated_tokens)],
    ["Estimated cost", formatUsd(estimate.estimated_cost_usd)],
    ["Budget left this month", estimate.budget_usd === null ? "No monthly budget" : `${formatUsd(estimate.budget_left_usd)} of ${formatUsd(estimate.budget_usd)}`],
  ]
  return (
    <div className="flex flex-col gap-y-4" data-testid="bulk-estimate">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="flex flex-col gap-y-1">
            <Text size="xsmall" className="text-ui-fg-subtle" asChild>
              <dt>{label}</dt>
            </Text>
            <Text size="large" weight="plus" asChild>
              <dd>{value}</dd>
            </Text>
          </div>
        ))}
      </dl>
      <Text size="small" className="text-ui-fg-subtle">
        {KIND_LABELS[estimate.kind]} in {estimate.locale}, {estimate.tone} tone, with {estimate.model}. Products with an identical earlier
        request reuse its text at no cost, so the run may cost less.
      </Text>
      {overBudget && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          The estimate is more than the budget has left: choose fewer products or raise the budget in Settings → Integrations.
        </Text>
      )}
      <div className="flex justify-end">
        <Button size="small" onClick={onStart} isLoading={isStarting} disabled={overBudget}>
          Start
        </Button>
      </div>
    </div>
  )
}
