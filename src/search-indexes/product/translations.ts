import type { SearchTypes } from "@medusajs/framework/types"
import { loadTranslations } from "../shared/translations"
import { PRODUCT_TRANSLATED_FIELDS, ProductTranslations } from "./documents"

/**
 * Translated title, subtitle and description of each product for the given locales, from Medusa's
 * Translation Module. Without the module (it sits behind a feature flag) documents carry no translations.
 */
export function loadProductTranslations(
  productIds: string[],
  locales: string[],
  context: SearchTypes.SearchIngestionContext
): Promise<Map<string, ProductTranslations>> {
  return loadTranslations("product", productIds, locales, PRODUCT_TRANSLATED_FIELDS, context)
}
