import { model } from "@medusajs/framework/utils"

export const Integration = model.define("commerce_bridge_integration", {
  id: model.id({ prefix: "cbint" }).primaryKey(),
  name: model.text().unique(),
  /** null: follows the configuration (enabled when every required option is set). */
  enabled: model.boolean().nullable(),
  settings: model.json().default({}),
  /** All secrets set in the admin, as one AES-256-GCM sealed JSON object. */
  secrets_sealed: model.text().nullable(),
  health_status: model.enum(["unknown", "up", "down"]).default("unknown"),
  health_latency_ms: model.number().nullable(),
  health_checked_at: model.dateTime().nullable(),
  health_error: model.text().nullable(),
  health_details: model.json().nullable(),
})
