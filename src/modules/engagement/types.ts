export const ENGAGEMENT_KINDS = ["product_description", "seo", "customer_message", "campaign"] as const
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number]

export const SUBJECT_TYPES = ["product", "customer", "order"] as const
export type SubjectType = (typeof SUBJECT_TYPES)[number]

export const ENGAGEMENT_CHANNELS = ["email", "sms"] as const
export type EngagementChannel = (typeof ENGAGEMENT_CHANNELS)[number]

export const ENGAGEMENT_STATUSES = ["draft", "approved", "applied", "sent", "rejected", "failed"] as const
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number]

/** Statuses whose content may be handed out again for the same input: never rejected or failed text. */
export const REUSABLE_STATUSES: EngagementStatus[] = ["draft", "approved", "applied", "sent"]

export const BULK_RUN_STATUSES = ["queued", "running", "completed", "cancelled"] as const
export type BulkRunStatus = (typeof BULK_RUN_STATUSES)[number]

export interface EngagementRecord {
  id: string
  kind: EngagementKind
  subject_type: SubjectType
  subject_id: string
  locale: string
  tone: string
  channel: EngagementChannel | null
  status: EngagementStatus
  content: Record<string, unknown> | null
  instructions: string | null
  error: string | null
  model: string | null
  prompt_version: string | null
  input_hash: string | null
  tokens_in: number
  tokens_out: number
  cost_usd: number
  reused_from_id: string | null
  requested_by: string | null
  approved_by: string | null
  approved_at: Date | null
  applied_at: Date | null
  delivery_id: string | null
  bulk_run_id: string | null
  previous: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

/** What the generate workflow records. */
export type NewEngagement = Pick<EngagementRecord, "kind" | "subject_type" | "subject_id" | "locale" | "tone" | "status"> &
  Partial<Omit<EngagementRecord, "id" | "created_at" | "updated_at">>

export interface BulkRunRecord {
  id: string
  kind: EngagementKind
  locale: string
  tone: string
  instructions: string | null
  model: string
  product_count: number
  done: number
  failed: number
  estimated_cost_usd: number
  actual_cost_usd: number
  status: BulkRunStatus
  error: string | null
  requested_by: string | null
  completed_at: Date | null
  created_at: Date
  updated_at: Date
}

export interface Usage {
  engagements: number
  tokens_in: number
  tokens_out: number
  cost_usd: number
}
