import { MedusaError } from "@medusajs/framework/utils"
import type { EngagementRecord } from "../modules/engagement/types"

/** Where an approved text lands on the product: the description, or SEO keys in the product's metadata. */
export const SEO_TITLE_KEY = "seo_title"
export const SEO_DESCRIPTION_KEY = "seo_description"

export interface ProductState {
  description: string | null
  metadata: Record<string, unknown> | null
}

export interface ProductChange {
  update: { description?: string | null; metadata?: Record<string, unknown> }
  /** What the change replaces (null: the key was absent), so it can be put back. */
  previous: Record<string, string | null>
}

/** The product update an engagement makes, and what it replaces; nothing for a campaign. */
export function productChangeFor(engagement: Pick<EngagementRecord, "id" | "kind" | "content">, product: ProductState): ProductChange | null {
  const content = engagement.content ?? {}
  if (engagement.kind === "product_description") {
    return { update: { description: text(engagement.id, content, "description") }, previous: { description: product.description ?? null } }
  }
  if (engagement.kind === "seo") {
    const metadata = product.metadata ?? {}
    return {
      update: {
        metadata: {
          ...metadata,
          [SEO_TITLE_KEY]: text(engagement.id, content, SEO_TITLE_KEY),
          [SEO_DESCRIPTION_KEY]: text(engagement.id, content, SEO_DESCRIPTION_KEY),
        },
      },
      previous: { [SEO_TITLE_KEY]: stringOrNull(metadata[SEO_TITLE_KEY]), [SEO_DESCRIPTION_KEY]: stringOrNull(metadata[SEO_DESCRIPTION_KEY]) },
    }
  }
  return null
}

/** The update that puts back what `previous` recorded, keeping metadata keys that changed meanwhile. */
export function restoringUpdate(previous: Record<string, string | null>, product: ProductState): ProductChange["update"] {
  if ("description" in previous) return { description: previous.description }
  const metadata: Record<string, unknown> = { ...(product.metadata ?? {}) }
  for (const [key, value] of Object.entries(previous)) {
    if (value === null) delete metadata[key]
    else metadata[key] = value
  }
  return { metadata }
}

function text(id: string, content: Record<string, unknown>, key: string): string {
  const value = content[key]
  if (typeof value !== "string" || !value.trim()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Engagement ${id} has no ${key} to apply`)
  }
  return value.trim()
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null
}
