import type { StrapiEntity } from "./entities"

/** A push of catalogue changes: the entries' Medusa-owned fields written to Strapi, or their deletion. */
export interface StrapiPushJobData {
  entity: StrapiEntity
  action: "upsert" | "delete"
  ids: string[]
  /** Push even entries whose catalogue fields are unchanged since the last push (the admin's "Sync to Strapi"). */
  force?: boolean
}

/** One page of a full sync: the entries of `entity` after `cursor`. */
export interface CataloguePageJobData {
  run_id: string
  entity: StrapiEntity
  cursor: string | null
}

export const CATALOGUE_PAGE_JOB = "catalogue-page"

/** `upsert-product`, `delete-category`, …: what the Queues page shows for a push. */
export const pushJobName = (data: Pick<StrapiPushJobData, "action" | "entity">) => `${data.action}-${data.entity}`
