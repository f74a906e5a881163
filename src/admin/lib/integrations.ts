/** The shapes of /admin/commerce-bridge/integrations, as the admin uses them. */
export type FieldType = "string" | "url" | "number" | "boolean" | "select"
export type Value = string | number | boolean

export interface IntegrationField {
  key: string
  label: string
  type: FieldType
  secret?: boolean
  required?: boolean
  options?: string[]
  default?: Value
  description?: string
}

export interface Integration {
  name: string
  label: string
  kind: string
  description: string
  enabled: boolean
  enabled_source: "admin" | "config"
  fields: IntegrationField[]
  settings: Record<string, { value: Value | null; source: "admin" | "config" | "default" | null }>
  secrets: Record<string, { set: boolean; source: "admin" | "config" | null }>
  missing: string[]
  health: {
    status: "unknown" | "up" | "down"
    latency_ms: number | null
    checked_at: string | null
    error: string | null
  }
}

export interface IntegrationUpdate {
  enabled?: boolean
  settings?: Record<string, Value | null>
  secrets?: Record<string, string | null>
}
