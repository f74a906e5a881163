import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useSendTestMessage } from "../../../../hooks/use-deliveries"
import type { Integration } from "../../../../lib/integrations"
import { errorMessage } from "../../../../lib/sdk"

/** The recipient each message-sending kind of integration takes. */
const RECIPIENT: Record<string, { label: string; what: string; placeholder: string; inputMode: "email" | "tel" }> = {
  email: { label: "Email address", what: "email", placeholder: "you@example.com", inputMode: "email" },
  sms: { label: "Phone number (E.164)", what: "SMS", placeholder: "+4915112345678", inputMode: "tel" },
}

export const sendsTestMessages = (integration: Integration) => integration.kind in RECIPIENT

/** Where the worker will take the message, as far as the admin knows now. */
function destination({ label, enabled, missing }: Integration) {
  if (missing.length) return `${label} is not configured, so it will land in the outbox.`
  if (!enabled) return `${label} is switched off, so it will land in the outbox.`
  return `It goes out through ${label}.`
}

export function TestMessageDrawer({ integration }: { integration: Integration }) {
  const [open, setOpen] = useState(false)
  const [to, setTo] = useState("")
  const send = useSendTestMessage()
  const navigate = useNavigate()
  const recipient = RECIPIENT[integration.kind]
  const inputId = `test-message-${integration.name}`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    send.mutate(
      { integration: integration.name, to },
      {
        onSuccess: ({ delivery }) => {
          setOpen(false)
          const id = toast.success(`Test ${recipient.what} queued for ${delivery.recipient}`, {
            description: destination(integration),
            action: {
              label: "View delivery",
              altText: "Open the test message in Deliveries",
              onClick: () => {
                toast.dismiss(id)
                navigate(`/settings/deliveries/${encodeURIComponent(delivery.id)}`)
              },
            },
          })
        },
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={(next) => (setOpen(next), setTo(""), send.reset())}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Send test message
        </Button>
      </Drawer.Trigger>
      <Drawer.Content aria-describedby={`${inputId}-about`}>
        <form onSubmit={submit} noValidate className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Send a test {recipient.what} with {integration.label}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle" id={`${inputId}-about`}>
              The message goes through the worker queue like any other: to {integration.label} when it is on and configured,
              otherwise to the outbox. Follow it in Deliveries.
            </Text>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor={inputId} size="small" weight="plus">
                {recipient.label}
              </Label>
              <Input
                id={inputId}
                name="to"
                inputMode={recipient.inputMode}
                autoComplete={recipient.inputMode === "email" ? "email" : "tel"}
                placeholder={recipient.placeholder}
                value={to}
                aria-invalid={send.isError}
                aria-describedby={send.isError ? `${inputId}-error` : undefined}
                onChange={(event) => (setTo(event.target.value), send.reset())}
              />
              {send.isError && (
                <Text size="small" className="text-ui-fg-error" id={`${inputId}-error`} role="alert">
                  {errorMessage(send.error)}
                </Text>
              )}
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={send.isPending} disabled={!to.trim()}>
              Send
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
