import { existsSync, readdirSync, readFileSync } from "fs"
import path from "path"
import { Liquid } from "liquidjs"
import type { FilterImpl } from "liquidjs/dist/template"
import { MedusaError } from "@medusajs/framework/utils"
import { BUILT_IN_LOCALES, FALLBACK_LOCALE } from "./locales"
import { BUILT_IN_TEMPLATES, MessageTemplate } from "./templates/catalogue"
import { layout, orderSummary, orderSummaryText } from "./templates/layout"

export type RenderChannel = "email" | "sms" | "whatsapp"

export interface RenderedMessage {
  subject: string | null
  html: string | null
  text: string
}

type Strings = Record<string, Record<string, string>>
const PARTS = ["subject", "html", "text", "sms"] as const

/**
 * Renders the message templates with Liquid (no code runs from a template, so a merchant's
 * override cannot break out). A store overrides any part from its own folder without forking:
 *   <dir>/<template>/{subject,html,text,sms}.liquid   one part of a template (or a new template)
 *   <dir>/layout.liquid                                the email frame
 *   <dir>/locales/<code>.json                          strings: override a few, or add a locale
 */
export class TemplateRenderer {
  private readonly templates: Record<string, MessageTemplate>
  private readonly strings: Record<string, Strings>
  private readonly html: Liquid
  private readonly plain: Liquid

  constructor(options: { templatesDir?: string } = {}) {
    const overrides = readOverrides(options.templatesDir)
    this.templates = mergeTemplates(overrides.templates)
    this.strings = mergeStrings(overrides.locales)
    const sources: Record<string, string> = { "order-summary": orderSummary, "order-summary-text": orderSummaryText }
    for (const [name, template] of Object.entries(this.templates)) {
      for (const part of PARTS) sources[`${name}/${part}`] = template[part]
    }
    const htmlSources: Record<string, string> = { ...sources, layout: overrides.layout ?? layout }
    for (const name of Object.keys(this.templates)) {
      htmlSources[`${name}/html`] = `{% layout "layout" %}{% block content %}${sources[`${name}/html`]}{% endblock %}`
    }
    this.html = this.engine(htmlSources, true)
    this.plain = this.engine(sources, false)
  }

  templateNames(): string[] {
    return Object.keys(this.templates)
  }

  localeCodes(): string[] {
    return Object.keys(this.strings)
  }

  /** The first candidate this renderer has strings for, exactly or by language ("de-AT" → "de"). */
  resolveLocale(candidates: (string | null | undefined)[]): string {
    for (const candidate of candidates) {
      if (!candidate) continue
      const code = candidate.replace("_", "-")
      if (this.strings[code]) return code
      const language = code.split("-")[0].toLowerCase()
      if (this.strings[language]) return language
    }
    return FALLBACK_LOCALE
  }

  async render(template: string, channel: RenderChannel, locale: string, data: Record<string, unknown>): Promise<RenderedMessage> {
    if (!this.templates[template]) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown notification template "${template}"`)
    }
    const scope = { ...data, locale }
    if (channel !== "email") {
      return { subject: null, html: null, text: squeeze(await this.plain.renderFile(`${template}/sms`, scope)) }
    }
    const subject = squeeze(await this.plain.renderFile(`${template}/subject`, scope))
    const [html, text] = await Promise.all([
      this.html.renderFile(`${template}/html`, { ...scope, subject, preheader: subject }),
      this.plain.renderFile(`${template}/text`, scope),
    ])
    return { subject, html, text: text.replace(/\n{3,}/g, "\n\n").trim() }
  }

  private engine(templates: Record<string, string>, escape: boolean): Liquid {
    const engine = new Liquid({ templates, cache: true, strictFilters: true, ...(escape ? { outputEscape: "escape" } : {}) })
    const strings = this.strings
    engine.registerFilter("t", function (this: FilterImpl, key: string, ...args: unknown[]) {
      return translate(strings, String(this.context.getSync(["locale"])), key, args)
    })
    engine.registerFilter("money", function (this: FilterImpl, amount: unknown, currency: unknown) {
      return formatMoney(amount, currency, String(this.context.getSync(["locale"])))
    })
    return engine
  }
}

function translate(strings: Record<string, Strings>, locale: string, key: string, args: unknown[]): string {
  const [group, name] = key.split(".")
  const value = strings[locale]?.[group]?.[name] ?? strings[FALLBACK_LOCALE]?.[group]?.[name]
  if (value === undefined) return key
  const named = Object.fromEntries(args.filter(Array.isArray).map(([k, v]) => [String(k), v]))
  return value.replace(/\{(\w+)\}/g, (match, field: string) => (named[field] == null ? "" : String(named[field])))
}

export function formatMoney(amount: unknown, currency: unknown, locale: string): string {
  const value = Number((amount as { numeric?: number })?.numeric ?? amount)
  if (!Number.isFinite(value) || typeof currency !== "string" || !currency) return ""
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(value)
}

/** One line: subjects and SMS; also turns Intl's no-break spaces into plain ones (GSM-7 has none). */
const squeeze = (text: string) => text.replace(/\s+/g, " ").trim()

function mergeTemplates(overrides: Record<string, Partial<MessageTemplate>>): Record<string, MessageTemplate> {
  const merged: Record<string, MessageTemplate> = { ...BUILT_IN_TEMPLATES }
  for (const [name, parts] of Object.entries(overrides)) {
    const base = merged[name] ?? { subject: "", html: "", text: "", sms: "" }
    merged[name] = { ...base, ...parts }
    if (!BUILT_IN_TEMPLATES[name as keyof typeof BUILT_IN_TEMPLATES] && !merged[name].text) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Notification template "${name}" needs at least text.liquid`)
    }
  }
  return merged
}

function mergeStrings(overrides: Record<string, Strings>): Record<string, Strings> {
  const merged: Record<string, Strings> = {}
  for (const code of new Set([...Object.keys(BUILT_IN_LOCALES), ...Object.keys(overrides)])) {
    const base = BUILT_IN_LOCALES[code] ?? {}
    const extra = overrides[code] ?? {}
    merged[code] = Object.fromEntries(
      [...new Set([...Object.keys(base), ...Object.keys(extra)])].map((group) => [group, { ...base[group], ...extra[group] }])
    )
  }
  return merged
}

function readOverrides(dir?: string) {
  const result = { templates: {} as Record<string, Partial<MessageTemplate>>, locales: {} as Record<string, Strings>, layout: undefined as string | undefined }
  if (!dir || !existsSync(dir)) return result
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isFile() && entry.name === "layout.liquid") result.layout = readFileSync(full, "utf8")
    if (!entry.isDirectory()) continue
    if (entry.name === "locales") {
      for (const file of readdirSync(full).filter((name) => name.endsWith(".json"))) {
        result.locales[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(path.join(full, file), "utf8"))
      }
      continue
    }
    const parts: Partial<MessageTemplate> = {}
    for (const part of PARTS) {
      const file = path.join(full, `${part}.liquid`)
      if (existsSync(file)) parts[part] = readFileSync(file, "utf8")
    }
    if (Object.keys(parts).length) result.templates[entry.name] = parts
  }
  return result
}
