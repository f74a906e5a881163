import { z } from "@medusajs/framework/zod"
import { instructionLine, joinLines, ProductMaterial, productFacts, systemPrompt, VoiceContext } from "./shared"

export const PROMPT_VERSION = "campaign@1"

export const campaignSchema = z.object({
  headline: z.string().describe("Campaign headline: at most 8 words"),
  body: z.string().describe("Campaign text: 40 to 90 words, plain text"),
  call_to_action: z.string().describe("Button label: 2 to 4 words"),
})

export type CampaignContent = z.infer<typeof campaignSchema>

export function campaignSystem(context: VoiceContext): string {
  return systemPrompt(context, "Write a short marketing campaign (newsletter or banner) that features one product.", [
    "A headline that makes a reader stop, a body that gives one good reason to look, a call to action.",
    "Plain text; no discounts or deadlines unless the merchant's instruction names them.",
  ])
}

export function campaignPrompt(product: ProductMaterial, instructions?: string | null): string {
  return joinLines([...productFacts(product), instructionLine(instructions)])
}
