import { z } from "@medusajs/framework/zod"
import { STRAPI_ENTITIES } from "../../../strapi-sync/entities"

const text = z.string().max(100_000).nullish()
const dimension = z.number().int().min(0).nullish()

const GalleryImageSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }),
  alternative_text: z.string().max(1000).nullish(),
  width: dimension,
  height: dimension,
})

const SectionSchema = z.object({ heading: z.string().max(1000).nullish(), body: text })

/** `POST /webhooks/strapi/content`, as the contract defines it. */
export const StrapiContentSchema = z.object({
  entity: z.enum(STRAPI_ENTITIES),
  medusa_id: z.string().trim().min(1).max(100),
  document_id: z.string().trim().min(1).max(100),
  locale: z.string().max(35).nullish(),
  published_at: z.iso.datetime({ offset: true }).nullish(),
  content_hash: z.string().regex(/^[0-9a-f]{64}$/i, "must be a sha256 hex digest"),
  origin: z.literal("strapi"),
  content: z.object({
    description: text,
    seo_title: z.string().max(1000).nullish(),
    seo_description: z.string().max(5000).nullish(),
    /** Products only; ignored for categories and collections. */
    gallery: z.array(GalleryImageSchema).max(200).optional(),
    sections: z.array(SectionSchema).max(200).optional(),
  }),
})

export type StrapiContentBody = z.infer<typeof StrapiContentSchema>

/** `POST /webhooks/strapi/content-withdrawals`: an editor unpublished or deleted the entry in Strapi. */
export const StrapiContentWithdrawalSchema = z.object({
  entity: z.enum(STRAPI_ENTITIES),
  medusa_id: z.string().trim().min(1).max(100),
  document_id: z.string().trim().min(1).max(100),
  locale: z.string().max(35).nullish(),
  reason: z.enum(["unpublish", "delete"]),
  origin: z.literal("strapi"),
})

export type StrapiContentWithdrawalBody = z.infer<typeof StrapiContentWithdrawalSchema>

/** `POST …/catalogue-syncs`: which entities to push, all of them by default. */
export const CatalogueSyncSchema = z
  .object({ entities: z.array(z.enum(STRAPI_ENTITIES)).min(1).optional() })
  .strict()
  .transform(({ entities }) => ({ entities: STRAPI_ENTITIES.filter((entity) => !entities || entities.includes(entity)) }))

export type CatalogueSyncBody = z.infer<typeof CatalogueSyncSchema>
