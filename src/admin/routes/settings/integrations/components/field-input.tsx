import { Input, Label, Select, Switch, Text } from "@medusajs/ui"
import type { Integration, IntegrationField, Value } from "../../../../lib/integrations"

export type Draft = Record<string, Value | null | undefined>

interface FieldInputProps {
  integration: Integration
  field: IntegrationField
  value: Value | null | undefined
  onChange: (value: Value | null | undefined) => void
}

/** One settings field; secrets are write-only and show only whether they are set. */
export function FieldInput({ integration, field, value, onChange }: FieldInputProps) {
  const id = `${integration.name}-${field.key}`
  const secret = integration.secrets[field.key]
  const setting = integration.settings[field.key]
  const fromConfig = (secret ?? setting)?.source === "config"
  const hint = fieldHint(field, secret, fromConfig)

  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {field.label}
        {field.required ? " *" : ""}
      </Label>
      {field.type === "boolean" ? (
        <Switch id={id} checked={Boolean(value ?? setting?.value)} onCheckedChange={(checked) => onChange(checked)} />
      ) : field.type === "select" ? (
        <Select value={String(value ?? setting?.value ?? "")} onValueChange={(next) => onChange(next)}>
          <Select.Trigger id={id}>
            <Select.Value placeholder="Choose…" />
          </Select.Trigger>
          <Select.Content>
            {field.options?.map((option) => (
              <Select.Item key={option} value={option}>
                {option}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      ) : (
        <Input
          id={id}
          type={field.secret ? "password" : field.type === "number" ? "number" : field.type === "url" ? "url" : "text"}
          autoComplete="off"
          disabled={Boolean(field.secret && fromConfig)}
          placeholder={field.secret ? (secret?.set ? "•••••••• (unchanged)" : "Not set") : String(field.default ?? "")}
          value={value === undefined || value === null ? (field.secret ? "" : String(setting?.value ?? "")) : String(value)}
          onChange={(event) => {
            const raw = event.target.value
            onChange(field.type === "number" && raw !== "" ? Number(raw) : raw)
          }}
        />
      )}
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}

function fieldHint(field: IntegrationField, secret: Integration["secrets"][string] | undefined, fromConfig: boolean) {
  if (field.secret && fromConfig) return "Set in medusa-config.ts, which takes precedence."
  if (fromConfig) return `${field.description ? `${field.description} ` : ""}Configured in medusa-config.ts; a value here overrides it.`
  if (field.secret && secret?.set) return "Stored encrypted. Leave empty to keep it."
  return field.description
}
