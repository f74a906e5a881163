import { z } from "@medusajs/framework/zod"
import { instructionLine, joinLines, ProductMaterial, productFacts, systemPrompt, VoiceContext } from "./shared"

export const PROMPT_VERSION = "seo@1"

export const seoSchema = z.object({
  seo_title: z.string().describe("Page title for search results: at most 60 characters"),
  seo_description: z.string().describe("Meta description: 120 to 160 characters"),
})

export type SeoContent = z.infer<typeof seoSchema>

export function seoSystem(context: VoiceContext): string {
  return systemPrompt(context, "Write the search-engine title and meta description of a product page.", [
    "Title: at most 60 characters, the product's name first, then what a shopper searches for; the store name only if it fits.",
    "Meta description: 120 to 160 characters, one or two sentences that make a searcher click; no keyword lists.",
    "No quotation marks, no emoji, no ALL CAPS.",
  ])
}

export function seoPrompt(product: ProductMaterial, instructions?: string | null): string {
  return joinLines([...productFacts(product), instructionLine(instructions)])
}
