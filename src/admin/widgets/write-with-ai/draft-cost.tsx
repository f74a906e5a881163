import { Badge, Text } from "@medusajs/ui"
import { formatTokens, formatUsd, type Engagement } from "../../lib/engagements"

/** What a draft cost: tokens and dollars, or that it was reused from an identical earlier request at no cost. */
export function DraftCost({ engagement }: { engagement: Engagement }) {
  if (engagement.reused_from_id) {
    return (
      <div className="flex flex-wrap items-center gap-2" data-testid="draft-cost">
        <Badge size="2xsmall" color="green">
          Reused
        </Badge>
        <Text size="xsmall" className="text-ui-fg-subtle">
          Same request as {engagement.reused_from_id}: its text was reused from the cache at no cost (0 tokens).
        </Text>
      </div>
    )
  }
  return (
    <Text size="xsmall" className="text-ui-fg-subtle" data-testid="draft-cost">
      {formatTokens(engagement.tokens_in)} tokens in · {formatTokens(engagement.tokens_out)} tokens out · {formatUsd(engagement.cost_usd)}
      {engagement.model ? ` · ${engagement.model}` : ""}
    </Text>
  )
}
