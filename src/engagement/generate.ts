import type { MedusaContainer } from "@medusajs/framework/types"
import { safeErrorMessage } from "../lib/redact"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type EngagementModuleService from "../modules/engagement/service"
import { EngagementGenerationError } from "../providers/engagement-openai"
import { assertBudgetLeft } from "./budget"
import type { GenerationFailure } from "./errors"
import { KINDS } from "./kinds"
import type { PreparedEngagement } from "./prepare"
import { readOpenAISettings } from "./provider"

export type GenerationOutcome =
  | {
      ok: true
      content: Record<string, unknown>
      model: string
      tokens_in: number
      tokens_out: number
      cost_usd: number
      /** The engagement whose answer was reused (identical input), at no cost. */
      reused_from_id: string | null
    }
  | { ok: false; model: string; failure: GenerationFailure }

/**
 * The answer for a prepared engagement: an earlier one with the same input hash, else the model's,
 * once this month's budget allows it. The model's failures come back as a failure to record;
 * a spent budget or a switched-off integration is thrown (nothing was asked, nothing to record).
 */
export async function generateContent(container: MedusaContainer, prepared: PreparedEngagement): Promise<GenerationOutcome> {
  const engagements = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const earlier = await engagements.findReusable(prepared.input_hash)
  if (earlier?.content) {
    return { ok: true, content: earlier.content, model: earlier.model ?? prepared.model, tokens_in: 0, tokens_out: 0, cost_usd: 0, reused_from_id: earlier.id }
  }
  const settings = await readOpenAISettings(container)
  assertBudgetLeft(await engagements.budget(settings.monthlyBudgetUsd))
  const kind = KINDS[prepared.kind]
  try {
    const result = await engagements.providers.forSettings(settings).generate({
      system: prepared.system,
      prompt: prepared.prompt,
      schema: kind.schema,
      schemaName: kind.schemaName,
      maxOutputTokens: kind.maxOutputTokens,
      model: prepared.model,
      correlationId: [prepared.bulk_run_id, prepared.subject_id, prepared.input_hash.slice(0, 12)].filter(Boolean).join(":"),
    })
    return {
      ok: true,
      content: result.content,
      model: result.model,
      tokens_in: result.tokensIn,
      tokens_out: result.tokensOut,
      cost_usd: result.costUsd,
      reused_from_id: null,
    }
  } catch (error) {
    if (!(error instanceof EngagementGenerationError)) throw error
    const message = safeErrorMessage(error, [settings.config.apiKey])
    return { ok: false, model: prepared.model, failure: { kind: error.kind, message, retryAfterMs: error.retryAfterMs } }
  }
}
