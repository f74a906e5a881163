import { z } from "@medusajs/framework/zod"

/** BullMQ's highest priority number. */
const MAX_PRIORITY = 2 ** 21

export const QueueNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "use letters, digits, '.', '_' or '-'")

export const PushOptionsSchema = z
  .object({
    jobId: z.string().min(1).max(255).optional(),
    delayMs: z.number().int().min(0).optional(),
    priority: z.number().int().min(1).max(MAX_PRIORITY).optional(),
    attempts: z.number().int().min(1).max(100).optional(),
    backoff: z
      .object({
        type: z.enum(["exponential", "fixed"]),
        delayMs: z.number().int().min(0),
        jitter: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

export const JobNameSchema = z.string().min(1).max(200)

export const ConsumeOptionsSchema = z
  .object({
    concurrency: z.number().int().min(1).max(1000).optional(),
    rateLimit: z.object({ max: z.number().int().min(1), durationMs: z.number().int().min(1) }).strict().optional(),
  })
  .strict()
