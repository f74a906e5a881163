import { Input, Label, Text, Textarea } from "@medusajs/ui"
import { lengthHint, type ContentField } from "../../lib/engagements"

interface ContentFieldInputProps {
  id: string
  field: ContentField
  value: string
  readOnly: boolean
  onChange: (value: string) => void
}

/** One field of a draft, with its character or word count against what the page wants. */
export function ContentFieldInput({ id, field, value, readOnly, onChange }: ContentFieldInputProps) {
  const hint = lengthHint(field, value)
  const props = {
    id,
    value,
    readOnly,
    "aria-describedby": hint ? `${id}-count` : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  }
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {field.label}
      </Label>
      {field.multiline ? <Textarea {...props} rows={field.chars ? 3 : 8} /> : <Input {...props} size="small" />}
      {hint && (
        <Text size="xsmall" id={`${id}-count`} className={hint.outside ? "text-ui-fg-error" : "text-ui-fg-muted"} aria-live="polite">
          {hint.text}
        </Text>
      )}
    </div>
  )
}
