import { z } from "@medusajs/framework/zod"

const STATUSES = ["queued", "sent", "delivered", "bounced", "failed", "undelivered", "dead", "outboxed"] as const

export const ListDeliveriesQuerySchema = z
  .object({
    status: z.enum(STATUSES).optional(),
    channel: z.enum(["email", "sms", "whatsapp"]).optional(),
    template: z.string().min(1).max(100).optional(),
    /** An order, customer or other resource id. */
    resource_id: z.string().min(1).max(100).optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()

export const TestMessageSchema = z.object({ to: z.string().trim().min(3).max(320) }).strict()

export type TestMessageBody = z.infer<typeof TestMessageSchema>
