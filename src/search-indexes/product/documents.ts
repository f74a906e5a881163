import type { SearchDocument } from "@medusajs/framework/types"
import type { ProductRow, VariantRow } from "./graph"
import { localizeDocument } from "../shared/translations"
import { localeKey, ResolvedProductIndexOptions } from "./options"
import { cmsContentDocument, timestampDocument } from "../shared/common-fields"

/** Translated fields of one product, keyed by locale as configured (`de-DE`). */
export type ProductTranslations = Record<string, { title?: string; subtitle?: string; description?: string }>

/** The text a locale index holds in its locale (see `locale` in the options). */
export const PRODUCT_TRANSLATED_FIELDS = ["title", "subtitle", "description"]

const present = <T>(values: (T | null | undefined)[]): T[] => values.filter((value): value is T => value != null && value !== "")
const unique = <T>(values: T[]): T[] => [...new Set(values)]

/**
 * A variant's sellable quantity: what its scarcest inventory item allows, across locations.
 * A variant without managed inventory, or one that allows backorders, is always in stock.
 */
export function variantAvailability(variant: VariantRow): { inStock: boolean; quantity: number } {
  const items = variant.inventory_items ?? []
  const quantity = items.length
    ? Math.min(
        ...items.map((item) => {
          const available = (item.inventory?.location_levels ?? []).reduce(
            (sum, level) => sum + (level.stocked_quantity ?? 0) - (level.reserved_quantity ?? 0),
            0
          )
          return Math.max(0, Math.floor(available / Math.max(1, item.required_quantity ?? 1)))
        })
      )
    : 0
  const unlimited = variant.manage_inventory === false || Boolean(variant.allow_backorder)
  return { inStock: unlimited || quantity > 0, quantity }
}

/** Lowest and highest base price per configured currency (price-list prices are campaigns, not list prices). */
export function priceRanges(variants: VariantRow[], currencies: string[]): Record<string, { min: number; max: number }> {
  const ranges: Record<string, { min: number; max: number }> = {}
  for (const price of variants.flatMap((variant) => variant.prices ?? [])) {
    const code = price.currency_code?.toLowerCase()
    if (price.price_list_id || !currencies.includes(code)) continue
    const amount = Number(price.amount)
    const range = (ranges[code] ??= { min: amount, max: amount })
    range.min = Math.min(range.min, amount)
    range.max = Math.max(range.max, amount)
  }
  return ranges
}

export function toProductDocument(
  product: ProductRow,
  options: ResolvedProductIndexOptions,
  translations: ProductTranslations = {},
  now = new Date()
): SearchDocument {
  const variants = product.variants ?? []
  const availability = variants.map(variantAvailability)
  const document: SearchDocument = {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle ?? null,
    handle: product.handle,
    description: product.description ?? null,
    status: product.status,
    thumbnail: product.thumbnail ?? null,
    tags: present((product.tags ?? []).map((tag) => tag.value)),
    tag_ids: (product.tags ?? []).map((tag) => tag.id),
    type: product.type?.value ?? null,
    type_id: product.type?.id ?? null,
    collection: product.collection?.title ?? null,
    collection_id: product.collection?.id ?? null,
    category_ids: (product.categories ?? []).map((category) => category.id),
    categories: present((product.categories ?? []).map((category) => category.name)),
    sales_channel_ids: (product.sales_channels ?? []).map((channel) => channel.id),
    variants: variants.map((variant) => ({ id: variant.id, sku: variant.sku ?? null, title: variant.title ?? null })),
    option_values: unique(present(variants.flatMap((variant) => (variant.options ?? []).map((option) => option.value)))),
    prices: priceRanges(variants, options.currencies),
    in_stock: availability.some((variant) => variant.inStock),
    inventory_quantity: availability.reduce((sum, variant) => sum + variant.quantity, 0),
    content: cmsContentDocument(product),
    ...(options.locales.length ? { translations: translatedFields(translations, options.locales) } : {}),
    ...timestampDocument(product, now),
  }
  return options.locale ? localizeDocument(document, translations[options.locale], PRODUCT_TRANSLATED_FIELDS) : document
}

function translatedFields(translations: ProductTranslations, locales: string[]) {
  return Object.fromEntries(
    locales.map((locale) => {
      const text = translations[locale] ?? {}
      return [localeKey(locale), { title: text.title ?? null, subtitle: text.subtitle ?? null, description: text.description ?? null }]
    })
  )
}
