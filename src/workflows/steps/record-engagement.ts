import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { GenerationOutcome } from "../../engagement/generate"
import type { PreparedEngagement } from "../../engagement/prepare"
import { ENGAGEMENT_MODULE } from "../../modules/engagement"
import type EngagementModuleService from "../../modules/engagement/service"
import type { EngagementRecord, NewEngagement } from "../../modules/engagement/types"

export const recordEngagementStepId = "commerce-bridge-record-engagement"

/** Records the draft, or the failure with its reason. Compensation deletes the row. */
export const recordEngagementStep = createStep(
  recordEngagementStepId,
  async ({ prepared, outcome }: { prepared: PreparedEngagement; outcome: GenerationOutcome }, { container }) => {
    const row: NewEngagement = {
      kind: prepared.kind,
      subject_type: prepared.subject_type,
      subject_id: prepared.subject_id,
      locale: prepared.locale,
      tone: prepared.tone,
      channel: prepared.channel,
      instructions: prepared.instructions,
      model: outcome.model,
      prompt_version: prepared.prompt_version,
      input_hash: prepared.input_hash,
      requested_by: prepared.requested_by,
      bulk_run_id: prepared.bulk_run_id,
      ...(outcome.ok
        ? {
            status: "draft",
            content: outcome.content,
            tokens_in: outcome.tokens_in,
            tokens_out: outcome.tokens_out,
            cost_usd: outcome.cost_usd,
            reused_from_id: outcome.reused_from_id,
          }
        : { status: "failed", error: outcome.failure.message }),
    }
    const engagements = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
    const created = (await engagements.createEngagements(row as any)) as unknown as EngagementRecord
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE).deleteEngagements(id)
  }
)
