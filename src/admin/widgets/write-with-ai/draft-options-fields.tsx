import { Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import { useStoreLocales } from "../../hooks/use-engagements"
import { DRAFT_KINDS, KIND_LABELS, LOCALE_PATTERN, TONES, type DraftKind, type DraftOptions } from "../../lib/engagements"

interface DraftOptionsFieldsProps {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string
  value: DraftOptions
  onChange: (value: DraftOptions) => void
  disabled?: boolean
}

export const isLocaleValid = (locale: string) => !locale.trim() || LOCALE_PATTERN.test(locale.trim())

/**
 * Kind, tone, locale and an optional instruction: what the model is asked for, for one product or
 * a bulk run. The locale offers the store's locales; blank, the first of them (else en).
 */
export function DraftOptionsFields({ idPrefix, value, onChange, disabled }: DraftOptionsFieldsProps) {
  const locales = useStoreLocales()
  const storeLocales = locales.data ?? []
  // Left blank, the server writes in the store's first locale, else English.
  const defaultLocale = storeLocales[0] ?? "en"
  const set = (patch: Partial<DraftOptions>) => onChange({ ...value, ...patch })
  const localeInvalid = !isLocaleValid(value.locale)

  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <div className="flex flex-col gap-y-2">
        <Label htmlFor={`${idPrefix}-kind`} size="small" weight="plus">
          Kind
        </Label>
        <Select size="small" value={value.kind} onValueChange={(kind) => set({ kind: kind as DraftKind })} disabled={disabled}>
          <Select.Trigger id={`${idPrefix}-kind`} aria-label="Kind">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {DRAFT_KINDS.map((kind) => (
              <Select.Item key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor={`${idPrefix}-tone`} size="small" weight="plus">
          Tone
        </Label>
        <Select size="small" value={value.tone} onValueChange={(tone) => set({ tone })} disabled={disabled}>
          <Select.Trigger id={`${idPrefix}-tone`} aria-label="Tone">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {TONES.map((tone) => (
              <Select.Item key={tone} value={tone}>
                {tone[0].toUpperCase() + tone.slice(1)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor={`${idPrefix}-locale`} size="small" weight="plus">
          Locale
        </Label>
        <Input
          id={`${idPrefix}-locale`}
          size="small"
          list={`${idPrefix}-locales`}
          value={value.locale}
          placeholder={defaultLocale}
          disabled={disabled}
          aria-invalid={localeInvalid}
          aria-describedby={`${idPrefix}-locale-hint`}
          onChange={(event) => set({ locale: event.target.value })}
        />
        <datalist id={`${idPrefix}-locales`}>
          {storeLocales.map((locale) => (
            <option key={locale} value={locale} />
          ))}
        </datalist>
        <Text size="xsmall" id={`${idPrefix}-locale-hint`} className={localeInvalid ? "text-ui-fg-error" : "text-ui-fg-muted"}>
          {localeInvalid ? "Use a locale code such as en or de-DE." : `Left blank: ${defaultLocale}${storeLocales.length > 1 ? ` · store locales: ${storeLocales.join(", ")}` : ""}`}
        </Text>
      </div>
      <div className="flex flex-col gap-y-2 md:col-span-3">
        <Label htmlFor={`${idPrefix}-instructions`} size="small" weight="plus">
          Instructions (optional)
        </Label>
        <Textarea
          id={`${idPrefix}-instructions`}
          rows={2}
          maxLength={2000}
          value={value.instructions}
          disabled={disabled}
          placeholder="e.g. Mention that it is machine washable."
          onChange={(event) => set({ instructions: event.target.value })}
        />
      </div>
    </div>
  )
}
