/** The shapes of /admin/commerce-bridge/engagements, and how the admin reads them (dates arrive as strings). */
import type { BulkRunRecord, EngagementChannel, EngagementKind, EngagementRecord, EngagementStatus } from "../../modules/engagement/types"

export type { EngagementChannel, EngagementKind, EngagementStatus }

type Dates = "approved_at" | "applied_at" | "created_at" | "updated_at"

/** One draft (or failed generation) with its cost. */
export type Engagement = Omit<EngagementRecord, Dates> & {
  approved_at: string | null
  applied_at: string | null
  created_at: string
  updated_at: string
}

export interface EngagementList {
  engagements: Engagement[]
  count: number
  offset: number
  limit: number
}

export interface EngagementFilters {
  subject_id?: string
  bulk_run_id?: string
  kind?: EngagementKind
  status?: EngagementStatus
}

/** The kinds a merchant drafts for a product page from the admin. */
export type DraftKind = Extract<EngagementKind, "product_description" | "seo">

/** What the merchant asks the model for: the same fields for one product and for a bulk run. */
export interface DraftOptions {
  kind: DraftKind
  tone: string
  locale: string
  instructions: string
}

/** What every request to the model carries, whatever it drafts. */
export type CommonDraftOptions = Pick<DraftOptions, "tone" | "locale" | "instructions">

/** A follow-up message to one customer: the channel it goes out on, and the usual tone, locale and instruction. */
export interface MessageOptions extends CommonDraftOptions {
  channel: EngagementChannel
}

export const CHANNEL_LABELS: Record<EngagementChannel, string> = { email: "Email", sms: "SMS" }

export const MESSAGE_CHANNELS: EngagementChannel[] = ["email", "sms"]

export interface GenerateResponse {
  engagement: Engagement
  /** The answer of an earlier identical request, at no cost. */
  reused: boolean
}

export type BulkRun = Omit<BulkRunRecord, "completed_at" | "created_at" | "updated_at"> & {
  completed_at: string | null
  created_at: string
  updated_at: string
  progress: { total: number; done: number; failed: number; remaining: number; percent: number }
}

export interface BulkEstimate {
  kind: DraftKind
  model: string
  locale: string
  tone: string
  products: number
  estimated_tokens: number
  estimated_cost_usd: number
  budget_usd: number | null
  spent_usd: number
  /** null: no monthly budget. */
  budget_left_usd: number | null
}

/** Which products a bulk run drafts. */
export type ProductSelection = { product_ids: string[] } | { all: true }

export interface Usage {
  since: string
  engagements: number
  tokens_in: number
  tokens_out: number
  cost_usd: number
  budget_usd: number | null
  budget_left_usd: number | null
}

export const KIND_LABELS: Record<EngagementKind, string> = {
  product_description: "Description",
  seo: "SEO title + meta description",
  campaign: "Campaign",
  customer_message: "Customer message",
}

export const DRAFT_KINDS: DraftKind[] = ["product_description", "seo"]

export const TONES = ["neutral", "friendly", "premium", "playful"] as const

/** The server's default tone. */
export const DEFAULT_TONE = "friendly"

/** Same rule as the API: a locale code such as en or de-DE. */
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const STATUS_LOOK: Record<EngagementStatus, { label: string; color: BadgeColor }> = {
  draft: { label: "Draft", color: "blue" },
  approved: { label: "Approved", color: "purple" },
  applied: { label: "Applied", color: "green" },
  sent: { label: "Sent", color: "green" },
  rejected: { label: "Rejected", color: "grey" },
  failed: { label: "Failed", color: "red" },
}

/** A text field of a kind's content, and what the page it lands on wants of it. */
export interface ContentField {
  key: string
  label: string
  multiline: boolean
  /** Characters the field should stay within, shown beside its count. */
  chars?: { min?: number; max: number }
  /** Words the field should stay within. */
  words?: { min: number; max: number }
}

/** The fields each kind's content holds, as the prompts in src/engagement/prompts ask for them. */
export const CONTENT_FIELDS: Record<EngagementKind, ContentField[]> = {
  product_description: [{ key: "description", label: "Description", multiline: true, words: { min: 60, max: 180 } }],
  seo: [
    { key: "seo_title", label: "SEO title", multiline: false, chars: { max: 60 } },
    { key: "seo_description", label: "Meta description", multiline: true, chars: { min: 120, max: 160 } },
  ],
  campaign: [
    { key: "headline", label: "Headline", multiline: false },
    { key: "body", label: "Text", multiline: true },
    { key: "call_to_action", label: "Call to action", multiline: false },
  ],
  customer_message: [
    { key: "subject", label: "Subject", multiline: false },
    { key: "body", label: "Message", multiline: true },
  ],
}

/** The content's fields as strings, for editing. */
export function contentText(engagement: Pick<Engagement, "kind" | "content">): Record<string, string> {
  const content = engagement.content ?? {}
  return Object.fromEntries(CONTENT_FIELDS[engagement.kind].map(({ key }) => [key, typeof content[key] === "string" ? (content[key] as string) : ""]))
}

export const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length

/** `42 / 60 characters` and whether it is outside what the field wants. */
export function lengthHint(field: ContentField, value: string): { text: string; outside: boolean } | null {
  if (field.chars) {
    const { min = 0, max } = field.chars
    const range = field.chars.min ? `${min}–${max}` : `at most ${max}`
    return { text: `${value.length} characters (${range})`, outside: value.length < min || value.length > max }
  }
  if (field.words) {
    const words = countWords(value)
    return { text: `${words} words (${field.words.min}–${field.words.max})`, outside: words < field.words.min || words > field.words.max }
  }
  return null
}

/**
 * $1.50; $0.0003 below a cent; $4.9996 where cents would hide a fraction of one (a budget with a
 * little spent is not "$5.00 left"); a dash when there is no amount.
 */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—"
  if (value !== 0 && Math.abs(value) < 0.01) return `$${Number(value.toPrecision(2))}`
  if (Math.abs(value) < 100 && Math.abs(value - Math.round(value * 100) / 100) >= 0.00005) return `$${value.toFixed(4)}`
  return `$${value.toFixed(2)}`
}

export const formatTokens = (tokens: number) => tokens.toLocaleString("en-US")

/** This month's usage in a line: tokens in and out, cost against the budget, what is left, generations. */
export function usageText(usage: Usage): string {
  const spend = usage.budget_usd === null ? `${formatUsd(usage.cost_usd)} (no monthly budget)` : `${formatUsd(usage.cost_usd)} of ${formatUsd(usage.budget_usd)} budget`
  const left = usage.budget_usd === null ? "" : ` · ${formatUsd(usage.budget_left_usd)} left`
  return `${formatTokens(usage.tokens_in)} tokens in · ${formatTokens(usage.tokens_out)} tokens out · ${spend}${left} · ${usage.engagements} generations`
}

export const isRunOver = (run: Pick<BulkRun, "status"> | undefined) => run?.status === "completed" || run?.status === "cancelled"

/** Why a request to the generator failed, as the admin explains it. */
export type ProblemKind = "budget" | "openai_off" | "rate_limited" | "unavailable" | "other"

export interface Problem {
  kind: ProblemKind
  status: number | null
  message: string
}

/** Reads the API's answer: 402 budget spent, 409 OpenAI off or unconfigured, 429 rate limited, 502/503 the model server. */
export function problemOf(error: unknown): Problem {
  const status = error && typeof error === "object" && "status" in error && typeof error.status === "number" ? error.status : null
  const message =
    error && typeof error === "object" && "message" in error && typeof error.message === "string" && error.message
      ? error.message
      : "Something went wrong. Try again."
  const kind: ProblemKind =
    status === 402
      ? "budget"
      : status === 409 && /openai/i.test(message)
        ? "openai_off"
        : status === 429
          ? "rate_limited"
          : status === 502 || status === 503
            ? "unavailable"
            : "other"
  return { kind, status, message }
}

export { formatDate } from "./deliveries"

/** A fresh request: a description in the server's default tone and the store's default locale (blank). */
export const DEFAULT_DRAFT_OPTIONS: DraftOptions = { kind: "product_description", tone: DEFAULT_TONE, locale: "", instructions: "" }

/** A fresh customer message: an email in the server's default tone, in the customer's or store's locale (blank). */
export const DEFAULT_MESSAGE_OPTIONS: MessageOptions = { channel: "email", tone: DEFAULT_TONE, locale: "", instructions: "" }
