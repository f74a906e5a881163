import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import type { EngagementChannel, EngagementKind, SubjectType } from "../modules/engagement/types"
import * as campaign from "./prompts/campaign"
import * as customerMessage from "./prompts/customer-message"
import * as productDescription from "./prompts/product-description"
import * as seo from "./prompts/seo"
import type { CustomerMessageMaterial } from "./prompts/customer-message"
import type { ProductMaterial, VoiceContext } from "./prompts/shared"

/** What each kind asks of the model, and how much it usually answers (for bulk estimates). */
export interface KindDefinition {
  promptVersion: string
  schema: z.ZodType<Record<string, unknown>>
  schemaName: string
  maxOutputTokens: number
  expectedOutputTokens: number
  subjectTypes: SubjectType[]
}

export const KINDS: Record<EngagementKind, KindDefinition> = {
  product_description: {
    promptVersion: productDescription.PROMPT_VERSION,
    schema: productDescription.productDescriptionSchema,
    schemaName: "product_description",
    maxOutputTokens: 700,
    expectedOutputTokens: 320,
    subjectTypes: ["product"],
  },
  seo: {
    promptVersion: seo.PROMPT_VERSION,
    schema: seo.seoSchema,
    schemaName: "seo",
    maxOutputTokens: 200,
    expectedOutputTokens: 80,
    subjectTypes: ["product"],
  },
  campaign: {
    promptVersion: campaign.PROMPT_VERSION,
    schema: campaign.campaignSchema,
    schemaName: "campaign",
    maxOutputTokens: 400,
    expectedOutputTokens: 180,
    subjectTypes: ["product"],
  },
  customer_message: {
    promptVersion: customerMessage.PROMPT_VERSION,
    schema: customerMessage.customerMessageSchema,
    schemaName: "customer_message",
    maxOutputTokens: 500,
    expectedOutputTokens: 200,
    subjectTypes: ["order", "customer"],
  },
}

/** Kinds written about a product (and that a bulk run drafts). */
export const PRODUCT_KINDS = ["product_description", "seo", "campaign"] as const satisfies EngagementKind[]
export type ProductKind = (typeof PRODUCT_KINDS)[number]

export function isProductKind(kind: EngagementKind): kind is ProductKind {
  return (PRODUCT_KINDS as readonly string[]).includes(kind)
}

export interface Prompts {
  system: string
  prompt: string
}

export function productPrompts(kind: ProductKind, context: VoiceContext, product: ProductMaterial, instructions?: string | null): Prompts {
  switch (kind) {
    case "product_description":
      return { system: productDescription.productDescriptionSystem(context), prompt: productDescription.productDescriptionPrompt(product, instructions) }
    case "seo":
      return { system: seo.seoSystem(context), prompt: seo.seoPrompt(product, instructions) }
    case "campaign":
      return { system: campaign.campaignSystem(context), prompt: campaign.campaignPrompt(product, instructions) }
  }
}

export function customerMessagePrompts(
  context: VoiceContext,
  channel: EngagementChannel,
  material: CustomerMessageMaterial,
  instructions?: string | null
): Prompts {
  return {
    system: customerMessage.customerMessageSystem(context, channel),
    prompt: customerMessage.customerMessagePrompt(material, instructions),
  }
}

/**
 * The subject a request is about: products for product kinds; for a customer message an order,
 * or a customer when the id is a customer's (`cus_…`) or the request says so.
 */
export function subjectTypeFor(kind: EngagementKind, subjectId: string, requested?: SubjectType): SubjectType {
  const allowed = KINDS[kind].subjectTypes
  const subjectType = requested ?? (kind === "customer_message" ? (subjectId.startsWith("cus_") ? "customer" : "order") : "product")
  if (!allowed.includes(subjectType)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid subject_type: a ${kind} is about ${allowed.join(" or ")}, not ${subjectType}`)
  }
  return subjectType
}
