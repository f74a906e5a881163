import { z } from "@medusajs/framework/zod"

export const DeadLetterQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** Either a selection of job ids, or `all: true`: replaying or discarding everything is never implicit. */
export const DeadLetterActionSchema = z
  .object({
    ids: z.array(z.string().min(1)).min(1).max(1000).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((body) => Boolean(body.ids) !== Boolean(body.all), { message: 'send either "ids" or "all": true', path: ["ids"] })

export const QueueActionSchema = z.enum(["pause", "resume"])
export const DeadLetterVerbSchema = z.enum(["replay", "discard"])

export type DeadLetterActionBody = z.infer<typeof DeadLetterActionSchema>
