import { z } from "@medusajs/framework/zod"
import type { EngagementChannel } from "../../modules/engagement/types"
import { instructionLine, joinLines, systemPrompt, VoiceContext } from "./shared"

export const PROMPT_VERSION = "customer-message@1"

export const customerMessageSchema = z.object({
  subject: z.string().describe("Email subject line: at most 70 characters (for SMS, a short internal label)"),
  body: z.string().describe("The message, plain text, signed with the store's name"),
})

export type CustomerMessageContent = z.infer<typeof customerMessageSchema>

/**
 * Everything a customer message may be written from. Nothing else about the customer exists here:
 * no e-mail address, phone number, last name or address ever reaches the model.
 */
export interface CustomerMessageMaterial {
  first_name: string | null
  order: { display_id: string | number; items: { title: string; quantity: number }[] } | null
}

export function customerMessageSystem(context: VoiceContext, channel: EngagementChannel): string {
  const form =
    channel === "sms"
      ? "An SMS: the body at most 300 characters, no links unless the merchant's instruction gives one."
      : "An email: a subject line and a body of short paragraphs; no markdown, no HTML."
  return systemPrompt(context, "Write a personal follow-up message from the store to one customer.", [
    form,
    "Greet the customer by first name when one is given; otherwise greet without a name.",
    "Never ask for passwords, payment details or personal data, and never make promises the instruction does not make.",
  ])
}

/** Reads only the allowed fields, so nothing else passed along can slip into the prompt. */
export function customerMessagePrompt(material: CustomerMessageMaterial, instructions?: string | null): string {
  const order = material.order
  return joinLines([
    `Customer first name: ${material.first_name?.trim() || "(unknown)"}`,
    order ? `Order: #${order.display_id}` : undefined,
    ...(order?.items ?? []).map((item) => `Item: ${item.title} × ${item.quantity}`),
    instructionLine(instructions),
  ])
}
