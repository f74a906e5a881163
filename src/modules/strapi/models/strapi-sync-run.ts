import { model } from "@medusajs/framework/utils"

export const SYNC_RUN_STATUSES = ["running", "completed", "failed"] as const

/** A push of the whole catalogue to Strapi, one queued page at a time, resumable from its cursor. */
export const StrapiSyncRun = model
  .define(
    { name: "strapi_sync_run", tableName: "commerce_bridge_strapi_sync_run" },
    {
      id: model.id({ prefix: "cbsync" }).primaryKey(),
      status: model.enum([...SYNC_RUN_STATUSES]).default("running"),
      /** The entities to push, in order. */
      entities: model.json(),
      /** Where the run is: the entity being pushed and the last id pushed of it. */
      current_entity: model.text().nullable(),
      cursor: model.text().nullable(),
      total: model.number().default(0),
      done: model.number().default(0),
      failed: model.number().default(0),
      error: model.text().nullable(),
      started_at: model.dateTime(),
      finished_at: model.dateTime().nullable(),
    }
  )
  // At most one running run: a second start finds the first instead of racing it.
  .indexes([{ on: ["status"], unique: true, where: { status: "running" } }])
