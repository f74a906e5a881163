import { z } from "@medusajs/framework/zod"

/** `:id` of the product routes: a Medusa id (`prod_01…`), not free text. */
export const ProductParamsSchema = z.object({
  id: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, "must be a product id such as prod_01H…"),
})

/** Reindexing one product takes no options. */
export const ReindexProductSchema = z.object({}).strict()

export type ReindexProductBody = z.infer<typeof ReindexProductSchema>
