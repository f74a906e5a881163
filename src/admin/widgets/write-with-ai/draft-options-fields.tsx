import { Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useStoreLocales } from "../../hooks/use-engagements"
import { DRAFT_KINDS, KIND_LABELS, LOCALE_PATTERN, TONES, type CommonDraftOptions, type DraftKind } from "../../lib/engagements"

interface DraftOptionsFieldsProps<T extends CommonDraftOptions> {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string
  value: T
  onChange: (value: T) => void
  disabled?: boolean
  /** The first field, in place of the product Kind (e.g. a message's channel). Without it, options with a `kind` show the Kind select. */
  lead?: ReactNode
  instructionsPlaceholder?: string
}

export const isLocaleValid = (locale: string) => !locale.trim() || LOCALE_PATTERN.test(locale.trim())

/**
 * Kind, tone, locale and an optional instruction: what the model is asked for, for one product or
 * a bulk run. The locale offers the store's locales; blank, the first of them (else en).
 */
export function DraftOptionsFields<T extends CommonDraftOptions>({
  idPrefix,
  value,
  onChange,
  disabled,
  lead,
  instructionsPlaceholder = "e.g. Mention that it is machine washable.",
}: DraftOptionsFieldsProps<T>) {
  const locales = useStoreLocales()
  const storeLocales = locales.data ?? []
  // Left blank, the server writes in the store's first locale, else English.
  const defaultLocale = storeLocales[0] ?? "en"
  const set = (patch: Partial<T>) => onChange({ ...value, ...patch })
  const localeInvalid = !isLocaleValid(value.locale)

  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      {lead ??
        ("kind" in value && (
          <KindField idPrefix={idPrefix} value={value.kind as DraftKind} onChange={(kind) => onChange({ ...value, kind })} disabled={disabled} />
        ))}
      <div className="flex flex-col gap-y-2">
        <Label htmlFor={`${idPrefix}-tone`} size="small" weight="plus">
          Tone
        </Label>
        <Select size="small" value={value.tone} onValueChange={(tone) => set({ tone } as Partial<T>)} disabled={disabled}>
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
          onChange={(event) => set({ locale: event.target.value } as Partial<T>)}
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
          placeholder={instructionsPlaceholder}
          onChange={(event) => set({ instructions: event.target.value } as Partial<T>)}
        />
      </div>
    </div>
  )
}

/** What a product draft is: description or SEO text. */
function KindField({ idPrefix, value, onChange, disabled }: { idPrefix: string; value: DraftKind; onChange: (kind: DraftKind) => void; disabled?: boolean }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={`${idPrefix}-kind`} size="small" weight="plus">
        Kind
      </Label>
      <Select size="small" value={value} onValueChange={(kind) => onChange(kind as DraftKind)} disabled={disabled}>
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
  )
}
