import { z } from "@medusajs/framework/zod"
import { instructionLine, joinLines, ProductMaterial, productFacts, systemPrompt, VoiceContext } from "./shared"

export const PROMPT_VERSION = "product-description@1"

export const productDescriptionSchema = z.object({
  description: z.string().describe("The product description: 60 to 180 words, plain text, paragraphs separated by a blank line"),
})

export type ProductDescriptionContent = z.infer<typeof productDescriptionSchema>

export function productDescriptionSystem(context: VoiceContext): string {
  return systemPrompt(context, "Write the description shown on a product's page.", [
    "Open with what the product is and who it is for; then what makes it good to own.",
    "Plain text in short paragraphs; no headings, no markdown, no emoji.",
    "Mention options (sizes, colours) only as the material lists them.",
  ])
}

export function productDescriptionPrompt(product: ProductMaterial, instructions?: string | null): string {
  return joinLines([...productFacts(product), instructionLine(instructions)])
}
