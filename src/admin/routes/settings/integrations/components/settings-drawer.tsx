import { Button, Drawer, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useUpdateIntegration } from "../../../../hooks/use-integrations"
import type { Integration, IntegrationUpdate } from "../../../../lib/integrations"
import { errorMessage } from "../../../../lib/sdk"
import { Draft, FieldInput } from "./field-input"

/** Only what the merchant changed is sent; an emptied setting returns to the configured value. */
function toUpdate(integration: Integration, draft: Draft): IntegrationUpdate {
  const update: Required<Pick<IntegrationUpdate, "settings" | "secrets">> = { settings: {}, secrets: {} }
  for (const field of integration.fields) {
    const value = draft[field.key]
    if (value === undefined) continue
    if (field.secret) {
      if (value !== "") update.secrets[field.key] = String(value)
    } else {
      update.settings[field.key] = value === "" ? null : value
    }
  }
  return update
}

export function SettingsDrawer({ integration }: { integration: Integration }) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<Draft>({})
  const update = useUpdateIntegration()

  const clearableSecrets = integration.fields.filter((f) => f.secret && integration.secrets[f.key]?.source === "admin")

  const save = (input: IntegrationUpdate, done: string) =>
    update.mutate(
      { name: integration.name, input },
      {
        onSuccess: () => {
          toast.success(done)
          setDraft({})
        },
        onError: (error) => toast.error(errorMessage(error)),
      }
    )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    save(toUpdate(integration, draft), `${integration.label} settings saved`)
    setOpen(false)
  }

  return (
    <Drawer open={open} onOpenChange={(next) => (setOpen(next), setDraft({}))}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Settings
        </Button>
      </Drawer.Trigger>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{integration.label} settings</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              {integration.description}
            </Text>
            {integration.fields.map((field) => (
              <FieldInput
                key={field.key}
                integration={integration}
                field={field}
                value={draft[field.key]}
                onChange={(value) => setDraft((current) => ({ ...current, [field.key]: value }))}
              />
            ))}
            {clearableSecrets.length > 0 && (
              <div className="flex flex-wrap gap-2">
                {clearableSecrets.map((field) => (
                  <Button
                    key={field.key}
                    type="button"
                    size="small"
                    variant="transparent"
                    onClick={() => save({ secrets: { [field.key]: null } }, `${field.label} removed`)}
                  >
                    Remove stored {field.label}
                  </Button>
                ))}
              </div>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={update.isPending}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
