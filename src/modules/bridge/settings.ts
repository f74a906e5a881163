import { MedusaError } from "@medusajs/framework/utils"
import type { IntegrationConfig, IntegrationDescriptor, IntegrationField, ValueSource } from "./types"

type Value = string | number | boolean

export interface MergedConfig {
  config: IntegrationConfig
  sources: Record<string, ValueSource | null>
  missing: string[]
}

/**
 * Merges one integration's values. Secrets: the configuration (medusa-config.ts)
 * wins and the admin fills in what it lacks. Settings: the admin wins over the
 * configuration, which wins over the field's default.
 */
export function mergeConfig(
  descriptor: IntegrationDescriptor<any>,
  configured: IntegrationConfig | undefined,
  adminSettings: Record<string, unknown>,
  adminSecrets: Record<string, string>
): MergedConfig {
  const config: IntegrationConfig = {}
  const sources: Record<string, ValueSource | null> = {}
  for (const field of descriptor.fields) {
    const fromConfig = present(configured?.[field.key])
    const fromAdmin = present(field.secret ? adminSecrets[field.key] : adminSettings[field.key])
    const candidates: [unknown, ValueSource][] = field.secret
      ? [[fromConfig, "config"], [fromAdmin, "admin"]]
      : [[fromAdmin, "admin"], [fromConfig, "config"], [field.default, "default"]]
    const [value, source] = candidates.find(([candidate]) => present(candidate) !== undefined) ?? [undefined, null]
    config[field.key] = value as Value | undefined
    sources[field.key] = source
  }
  const missing = descriptor.fields.filter((field) => field.required && config[field.key] === undefined).map((f) => f.key)
  const alternatives = descriptor.requireOneOf ?? []
  if (alternatives.length && !alternatives.some((set) => set.every((key) => config[key] !== undefined))) {
    missing.push(alternatives.map((set) => set.join(" + ")).join(" or "))
  }
  return { config, sources, missing }
}

function present(value: unknown): unknown {
  return value === undefined || value === null || value === "" ? undefined : value
}

/** Checks what a merchant sends for one integration, naming the first bad field. */
export function validateSettings(
  descriptor: IntegrationDescriptor<any>,
  settings: Record<string, unknown> = {}
): Record<string, Value | null> {
  const valid: Record<string, Value | null> = {}
  for (const [key, value] of Object.entries(settings)) {
    const field = fieldOf(descriptor, "settings", key)
    if (field.secret) {
      throw invalid(`settings.${key} is a secret of ${descriptor.name}: send it in "secrets"`)
    }
    valid[key] = value === null ? null : coerce(descriptor, field, value)
  }
  return valid
}

export function validateSecrets(
  descriptor: IntegrationDescriptor<any>,
  secrets: Record<string, string | null> = {}
): Record<string, string | null> {
  for (const key of Object.keys(secrets)) {
    const field = fieldOf(descriptor, "secrets", key)
    if (!field.secret) {
      throw invalid(`secrets.${key} is not a secret of ${descriptor.name}: send it in "settings"`)
    }
  }
  return secrets
}

function fieldOf(descriptor: IntegrationDescriptor<any>, group: string, key: string): IntegrationField {
  const field = descriptor.fields.find((candidate) => candidate.key === key)
  if (!field) {
    const known = descriptor.fields.map((f) => f.key).join(", ")
    throw invalid(`${group}.${key} is not a setting of ${descriptor.name} (known: ${known})`)
  }
  return field
}

function coerce(descriptor: IntegrationDescriptor<any>, field: IntegrationField, value: unknown): Value {
  const path = `settings.${field.key}`
  switch (field.type) {
    case "boolean":
      if (typeof value !== "boolean") throw invalid(`${path} must be true or false`)
      return value
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw invalid(`${path} must be a number`)
      return value
    case "select":
      if (typeof value !== "string" || !field.options?.includes(value)) {
        throw invalid(`${path} must be one of ${field.options?.join(", ")}`)
      }
      return value
    case "url":
      if (typeof value !== "string" || !isHttpUrl(value)) throw invalid(`${path} must be an http(s) URL`)
      return value
    case "string":
      if (typeof value !== "string") throw invalid(`${path} must be a string`)
      return value
  }
  throw invalid(`${path} has an unsupported type in ${descriptor.name}`)
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}
