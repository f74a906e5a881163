import { MedusaError } from "@medusajs/framework/utils"
import type { ModelPrice, OpenAIEngagementOptions } from "./types"

export type ResolvedOpenAIEngagementOptions = Required<OpenAIEngagementOptions>

export const OPENAI_ENGAGEMENT_DEFAULTS = {
  baseUrl: "https://api.openai.com/v1",
  model: "gpt-4o-mini",
  temperature: 0.7,
  timeoutMs: 30_000,
  concurrency: 4,
  requestsPerMinute: 500,
  tokensPerMinute: 200_000,
  maxRetries: 3,
} as const

export const DEFAULT_MAX_OUTPUT_TOKENS = 800

/** USD per million tokens (OpenAI's list prices); `prices` adds models or overrides these. */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
  "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `OpenAI engagement provider: ${message}`)

function checkNumber(name: string, value: unknown, { min, max, integer }: { min: number; max?: number; integer?: boolean }) {
  if (value === undefined) return
  const ok =
    typeof value === "number" && Number.isFinite(value) && value >= min && (max === undefined || value <= max) && (!integer || Number.isInteger(value))
  if (!ok) {
    const range = max === undefined ? `of at least ${min}` : `between ${min} and ${max}`
    const got = typeof value === "number" ? String(value) : JSON.stringify(value)
    throw invalid(`option "${name}" must be ${integer ? "an integer" : "a number"} ${range}, got ${got}`)
  }
}

function checkString(name: string, value: unknown) {
  if (value !== undefined && (typeof value !== "string" || !value.trim())) {
    throw invalid(`option "${name}" must be a non-empty string`)
  }
}

function checkPrices(value: unknown) {
  if (value === undefined) return
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw invalid(`option "prices" must be an object { [model]: { inputPerMillion, outputPerMillion } }`)
  }
  for (const [model, price] of Object.entries(value)) {
    for (const field of ["inputPerMillion", "outputPerMillion"] as const) {
      const amount = (price as Partial<ModelPrice> | null)?.[field]
      if (amount === undefined) throw invalid(`option "prices.${model}.${field}" is required`)
      checkNumber(`prices.${model}.${field}`, amount, { min: 0 })
    }
  }
}

/** Throws an INVALID_DATA MedusaError naming the first missing or bad option (never echoing the key). */
export function validateOpenAIEngagementOptions(options: unknown): void {
  if (!options || typeof options !== "object") throw invalid(`option "apiKey" is required`)
  const o = options as Partial<Record<keyof OpenAIEngagementOptions, unknown>>
  if (typeof o.apiKey !== "string" || !o.apiKey.trim()) throw invalid(`option "apiKey" is required`)
  if (o.baseUrl !== undefined && !isHttpUrl(o.baseUrl)) {
    throw invalid(`option "baseUrl" must be an http(s) URL such as ${OPENAI_ENGAGEMENT_DEFAULTS.baseUrl}`)
  }
  checkString("model", o.model)
  checkNumber("temperature", o.temperature, { min: 0, max: 2 })
  checkNumber("timeoutMs", o.timeoutMs, { min: 1, integer: true })
  checkNumber("concurrency", o.concurrency, { min: 1, integer: true })
  checkNumber("requestsPerMinute", o.requestsPerMinute, { min: 0, integer: true })
  checkNumber("tokensPerMinute", o.tokensPerMinute, { min: 0, integer: true })
  checkNumber("maxRetries", o.maxRetries, { min: 0, max: 10, integer: true })
  checkPrices(o.prices)
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== "string") return false
  try {
    return ["http:", "https:"].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

export function resolveOptions(options: OpenAIEngagementOptions): ResolvedOpenAIEngagementOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
  const resolved = { ...OPENAI_ENGAGEMENT_DEFAULTS, ...defined } as ResolvedOpenAIEngagementOptions
  return { ...resolved, baseUrl: resolved.baseUrl.replace(/\/+$/, ""), prices: { ...DEFAULT_PRICES, ...options.prices } }
}

const SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/

/**
 * The price of a model: its own entry, else that of the model it is a dated snapshot of (OpenAI
 * answers `gpt-4o-mini-2024-07-18` for `gpt-4o-mini`); undefined for unknown models.
 */
export function priceOf(prices: Record<string, ModelPrice>, model: string): ModelPrice | undefined {
  return prices[model] ?? prices[model.replace(SNAPSHOT_SUFFIX, "")]
}

