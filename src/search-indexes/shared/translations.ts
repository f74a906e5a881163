import type { SearchTypes } from "@medusajs/framework/types"

/** Translated text of one row: locale as configured (`de-DE`) → field → text. */
export type RowTranslations = Record<string, Record<string, string | undefined>>

interface TranslationRow {
  reference_id: string
  locale_code: string
  translations: Record<string, unknown> | null
}

const warned = new Set<string>()

/**
 * The translated `fields` of each row of `reference` (`product`, `product_category`, …) for the given
 * locales, from Medusa's Translation Module. Without the module (it sits behind a feature flag) there
 * are none, and documents keep the base text.
 */
export async function loadTranslations(
  reference: string,
  ids: string[],
  locales: string[],
  fields: string[],
  { container }: SearchTypes.SearchIngestionContext
): Promise<Map<string, RowTranslations>> {
  const byRow = new Map<string, RowTranslations>()
  if (!locales.length || !ids.length) return byRow
  let rows: TranslationRow[]
  try {
    ;({ data: rows } = await container.query.graph({
      entity: "translation",
      fields: ["reference_id", "locale_code", "translations"],
      filters: { reference, reference_id: ids, locale_code: locales } as any,
    }))
  } catch (error) {
    if (!warned.has(reference)) {
      warned.add(reference)
      container.logger.warn(`CommerceBridge search: ${reference} translations are not indexed (${(error as Error).message})`)
    }
    return byRow
  }
  for (const row of rows) {
    const text = row.translations ?? {}
    const entry = byRow.get(row.reference_id) ?? {}
    entry[row.locale_code] = Object.fromEntries(fields.map((field) => [field, typeof text[field] === "string" ? (text[field] as string) : undefined]))
    byRow.set(row.reference_id, entry)
  }
  return byRow
}

/** `translations.<locale>` of a document: each configured locale's text, null where a locale has none. */
export function translatedFields(translations: RowTranslations, locales: string[], fields: string[], key: (locale: string) => string) {
  return Object.fromEntries(
    locales.map((locale) => {
      const text = translations[locale] ?? {}
      return [key(locale), Object.fromEntries(fields.map((field) => [field, text[field] ?? null]))]
    })
  )
}

/** A locale index's document: each text field holds the locale's translation, or the base text without one. */
export function localizeDocument<T extends Record<string, unknown>>(document: T, translated: Record<string, string | undefined> | undefined, fields: string[]): T {
  if (!translated) return document
  const localized: Record<string, unknown> = { ...document }
  for (const field of fields) {
    const text = translated[field]
    if (typeof text === "string" && text.trim()) localized[field] = text
  }
  return localized as T
}
