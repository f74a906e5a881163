import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENGAGEMENT_MODULE } from "../../modules/engagement"
import type EngagementModuleService from "../../modules/engagement/service"
import type { EngagementKind, EngagementRecord, EngagementStatus } from "../../modules/engagement/types"

export const transitionEngagementStepId = "commerce-bridge-transition-engagement"

export interface EngagementTransition {
  id: string
  /** Statuses the engagement may be in; any other is a 400 that names it. */
  from: EngagementStatus[]
  /** Kinds this transition is for (all when absent). */
  kinds?: EngagementKind[]
  /** Why other kinds are refused, e.g. "a customer message is sent, not applied". */
  kindHint?: string
  set: Partial<Pick<EngagementRecord, "status" | "approved_by" | "approved_at" | "applied_at" | "delivery_id" | "previous">>
}

type Undo = { id: string; before: Record<string, unknown> }

/** Moves an engagement along its review (draft → approved → applied / sent, or rejected). Compensation puts back what it changed. */
export const transitionEngagementStep = createStep(
  transitionEngagementStepId,
  async (input: EngagementTransition, { container }) => {
    const engagements = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
    const engagement = await engagements.retrieveEngagementRecord(input.id)
    if (input.kinds && !input.kinds.includes(engagement.kind)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Engagement ${input.id} is a ${engagement.kind}: ${input.kindHint ?? "not for this action"}`)
    }
    if (!input.from.includes(engagement.status)) {
      const allowed = input.from.join(" or ")
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Engagement ${input.id} is ${engagement.status}; this needs it ${allowed}`)
    }
    const keys = Object.keys(input.set)
    if (!keys.length) return new StepResponse<EngagementRecord, Undo>(engagement, { id: input.id, before: {} })
    const before = Object.fromEntries(keys.map((key) => [key, engagement[key as keyof EngagementRecord]]))
    await engagements.updateEngagements({ id: input.id, ...input.set } as any)
    return new StepResponse<EngagementRecord, Undo>(await engagements.retrieveEngagementRecord(input.id), { id: input.id, before })
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo || !Object.keys(undo.before).length) return
    await container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE).updateEngagements({ id: undo.id, ...undo.before } as any)
  }
)
