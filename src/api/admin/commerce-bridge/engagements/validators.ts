import { z } from "@medusajs/framework/zod"
import { PRODUCT_KINDS } from "../../../../engagement/kinds"
import { ENGAGEMENT_CHANNELS, ENGAGEMENT_KINDS, ENGAGEMENT_STATUSES, SUBJECT_TYPES } from "../../../../modules/engagement/types"

const id = z.string().trim().min(1).max(100)
const locale = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, "use a locale code such as en or de-DE")
const tone = z.string().trim().min(1).max(80)
const instructions = z.string().trim().max(2000)

export const GenerateEngagementSchema = z
  .object({
    kind: z.enum(ENGAGEMENT_KINDS),
    subject_id: id,
    /** Derived from the kind (and a `cus_` id) when absent. */
    subject_type: z.enum(SUBJECT_TYPES).optional(),
    locale: locale.optional(),
    tone: tone.optional(),
    channel: z.enum(ENGAGEMENT_CHANNELS).optional(),
    instructions: instructions.optional(),
  })
  .strict()

export type GenerateEngagementBody = z.infer<typeof GenerateEngagementSchema>

export const ListEngagementsQuerySchema = z
  .object({
    subject_id: id.optional(),
    kind: z.enum(ENGAGEMENT_KINDS).optional(),
    status: z.enum(ENGAGEMENT_STATUSES).optional(),
    bulk_run_id: id.optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()

export const EditEngagementSchema = z.object({ content: z.record(z.string(), z.unknown()) }).strict()

const bulkFields = {
  kind: z.enum(PRODUCT_KINDS),
  product_ids: z.array(id).min(1).max(5000).optional(),
  all: z.literal(true).optional(),
  locale: locale.optional(),
  tone: tone.optional(),
  instructions: instructions.optional(),
}

const oneSelection = (body: { product_ids?: string[]; all?: true }) => Boolean(body.product_ids) !== Boolean(body.all)
const selectionIssue = { message: "send either product_ids or all: true", path: ["product_ids"] }

export const EstimateBulkRunSchema = z.object(bulkFields).strict().refine(oneSelection, selectionIssue)

export const StartBulkRunSchema = z
  .object({
    ...bulkFields,
    confirm: z.literal(true, { error: "must be true: start a run once its estimate was shown (POST …/bulk/estimate)" }),
  })
  .strict()
  .refine(oneSelection, selectionIssue)

export type EstimateBulkRunBody = z.infer<typeof EstimateBulkRunSchema>
export type StartBulkRunBody = z.infer<typeof StartBulkRunSchema>
