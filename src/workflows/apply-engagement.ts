import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { transitionEngagementStep } from "./steps/transition-engagement"
import { writeEngagementToProductStep } from "./steps/write-engagement-to-product"

export const applyEngagementWorkflowId = "commerce-bridge-apply-engagement"

/**
 * Approves a draft and writes it to its product: a description, or the SEO title and meta
 * description (`metadata.seo_title`, `metadata.seo_description`). What it replaced is kept on the
 * engagement; a failure puts the product and the draft back. A campaign changes no product: it
 * ends approved, for the merchant to use where they run campaigns.
 */
export const applyEngagementWorkflow = createWorkflow(applyEngagementWorkflowId, (input: { id: string; approved_by: string | null }) => {
  const approval = transform({ input }, ({ input }) => ({
    id: input.id,
    from: ["draft" as const],
    kinds: ["product_description" as const, "seo" as const, "campaign" as const],
    kindHint: "a customer message is sent (POST …/send), not applied",
    set: { status: "approved" as const, approved_by: input.approved_by, approved_at: new Date() },
  }))
  const approved = transitionEngagementStep(approval)
  const previous = writeEngagementToProductStep(approved)
  const applied = transitionEngagementStep(
    transform({ approved, previous }, ({ approved, previous }) => ({
      id: approved.id,
      from: ["approved" as const],
      set: approved.kind === "campaign" ? {} : { status: "applied" as const, applied_at: new Date(), previous },
    }))
  ).config({ name: "mark-engagement-applied" })
  return new WorkflowResponse(applied)
})
