import type { SearchTypes } from "@medusajs/framework/types"
import type { ProductTranslations } from "./documents"

interface TranslationRow {
  reference_id: string
  locale_code: string
  translations: Record<string, unknown> | null
}

let warnedMissing = false

/**
 * Translated title, subtitle and description of each product for the given locales, from Medusa's
 * Translation Module. Without the module (it sits behind a feature flag) documents carry no translations.
 */
export async function loadProductTranslations(
  productIds: string[],
  locales: string[],
  { container }: SearchTypes.SearchIngestionContext
): Promise<Map<string, ProductTranslations>> {
  const byProduct = new Map<string, ProductTranslations>()
  if (!locales.length || !productIds.length) return byProduct
  let rows: TranslationRow[]
  try {
    ;({ data: rows } = await container.query.graph({
      entity: "translation",
      fields: ["reference_id", "locale_code", "translations"],
      filters: { reference: "product", reference_id: productIds, locale_code: locales } as any,
    }))
  } catch (error) {
    if (!warnedMissing) {
      warnedMissing = true
      container.logger.warn(`CommerceBridge search: product translations are not indexed (${(error as Error).message})`)
    }
    return byProduct
  }
  for (const row of rows) {
    const text = row.translations ?? {}
    const entry = byProduct.get(row.reference_id) ?? {}
    entry[row.locale_code] = {
      title: typeof text.title === "string" ? text.title : undefined,
      subtitle: typeof text.subtitle === "string" ? text.subtitle : undefined,
      description: typeof text.description === "string" ? text.description : undefined,
    }
    byProduct.set(row.reference_id, entry)
  }
  return byProduct
}
