import type { StrapiEntity } from "../../strapi-sync/entities"
import type { SYNC_RUN_STATUSES } from "./models/strapi-sync-run"

export interface GalleryImage {
  url: string
  alternative_text: string | null
  width: number | null
  height: number | null
}

export interface ContentSection {
  heading: string | null
  body: string | null
}

export interface CmsContentRecord {
  id: string
  entity: StrapiEntity
  entity_id: string
  strapi_document_id: string | null
  locale: string | null
  description: string | null
  seo_title: string | null
  seo_description: string | null
  gallery: GalleryImage[] | null
  sections: ContentSection[] | null
  content_hash: string | null
  published_at: Date | null
  received_at: Date | null
  catalogue_hash: string | null
  pushed_at: Date | null
}

/** What Strapi sends in `POST /webhooks/strapi/content`, flattened. */
export interface ReceivedContent {
  entity: StrapiEntity
  entity_id: string
  strapi_document_id: string
  locale: string | null
  published_at: Date | null
  content_hash: string
  description: string | null
  seo_title: string | null
  seo_description: string | null
  gallery: GalleryImage[] | null
  sections: ContentSection[] | null
}

/** A document Strapi accepted: its hash and Strapi's id for it. */
export interface RecordedPush {
  entity_id: string
  catalogue_hash: string
  strapi_document_id: string | null
}

export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number]

export interface SyncRunRecord {
  id: string
  status: SyncRunStatus
  entities: StrapiEntity[]
  current_entity: StrapiEntity | null
  cursor: string | null
  total: number
  done: number
  failed: number
  error: string | null
  started_at: Date
  finished_at: Date | null
}
