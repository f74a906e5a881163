import { z } from "@medusajs/framework/zod"

export { ProductParamsSchema } from "../search/validators"
export { CatalogueSyncSchema, type CatalogueSyncBody } from "../../../webhooks/strapi/validators"

/** Pushing one product takes no options. */
export const SyncProductSchema = z.object({}).strict()
