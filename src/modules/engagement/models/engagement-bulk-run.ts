import { model } from "@medusajs/framework/utils"
import { BULK_RUN_STATUSES, ENGAGEMENT_KINDS } from "../types"

/** Drafts for many products at once: one queued job per product, with its cost estimated first. */
export const EngagementBulkRun = model.define("commerce_bridge_engagement_bulk_run", {
  id: model.id({ prefix: "engrun" }).primaryKey(),
  kind: model.enum([...ENGAGEMENT_KINDS]),
  locale: model.text(),
  tone: model.text(),
  instructions: model.text().nullable(),
  model: model.text(),
  product_count: model.number(),
  /** Products with a draft (generated or reused). */
  done: model.number().default(0),
  /** Products whose generation failed for good. */
  failed: model.number().default(0),
  estimated_cost_usd: model.float().default(0),
  actual_cost_usd: model.float().default(0),
  status: model.enum([...BULK_RUN_STATUSES]).default("queued"),
  /** Why products failed, when they share a reason (the monthly budget ran out). */
  error: model.text().nullable(),
  requested_by: model.text().nullable(),
  completed_at: model.dateTime().nullable(),
})
