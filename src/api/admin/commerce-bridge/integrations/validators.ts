import { z } from "@medusajs/framework/zod"

export const UpdateIntegrationSchema = z
  .object({
    enabled: z.boolean().optional(),
    settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    secrets: z.record(z.string(), z.string().min(1).nullable()).optional(),
  })
  .strict()

export type UpdateIntegrationBody = z.infer<typeof UpdateIntegrationSchema>
