import { Button, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useApplyEngagement, useEditEngagement, useRejectEngagement, useSendEngagement } from "../../hooks/use-engagements"
import { CHANNEL_LABELS, CONTENT_FIELDS, contentText, formatDate, KIND_LABELS, type Engagement } from "../../lib/engagements"
import { errorMessage } from "../../lib/sdk"
import { ContentFieldInput } from "./content-field-input"
import { DraftCost } from "./draft-cost"
import { EngagementStatusBadge } from "./engagement-status-badge"

interface DraftEditorProps {
  engagement: Engagement
  /** Called with the engagement as the server has it after a save, apply or reject. */
  onChanged: (engagement: Engagement) => void
}

/** What each kind's Apply does. */
const APPLY_LABELS: Partial<Record<Engagement["kind"], string>> = {
  product_description: "Apply to product",
  seo: "Apply to product",
  campaign: "Approve",
  customer_message: "Send to customer",
}

/** A customer message is sent (after a confirmation), not applied. */
const isMessage = (engagement: Pick<Engagement, "kind">) => engagement.kind === "customer_message"

/**
 * A draft for review: its text (editable while it is a draft), cost and the actions Save edits,
 * Apply to product (saving pending edits first) and Reject. Nothing reaches the product until Apply.
 * A customer message has Send to customer instead, confirmed first: nothing reaches the customer before it.
 * Render it with `key={engagement.id}` so the edits belong to one draft.
 */
export function DraftEditor({ engagement, onChanged }: DraftEditorProps) {
  const saved = contentText(engagement)
  const [values, setValues] = useState(saved)
  const [failure, setFailure] = useState<unknown>(null)
  const edit = useEditEngagement()
  const apply = useApplyEngagement()
  const reject = useRejectEngagement()
  const send = useSendEngagement()
  const prompt = usePrompt()
  const isDraft = engagement.status === "draft"
  const dirty = Object.keys(values).some((key) => values[key] !== saved[key])
  const approving = apply.isPending || send.isPending
  const busy = edit.isPending || approving || reject.isPending
  const applyLabel = APPLY_LABELS[engagement.kind]
  const idPrefix = `draft-${engagement.id}`

  const run = async (action: () => Promise<Engagement>, success: string) => {
    setFailure(null)
    try {
      const next = await action()
      setValues(contentText(next))
      onChanged(next)
      toast.success(success)
    } catch (error) {
      setFailure(error)
    }
  }

  const save = () => edit.mutateAsync({ id: engagement.id, content: values }).then(({ engagement }) => engagement)
  const saveEdits = () => run(save, "Edits saved")
  const sendMessage = async () => {
    const channel = CHANNEL_LABELS[engagement.channel ?? "email"].toLowerCase()
    const confirmed = await prompt({
      variant: "confirmation",
      title: "Send this message to the customer?",
      description: `It goes out as ${channel === "sms" ? "an SMS" : "an email"} through the store's notifications, with your edits, and cannot be taken back.`,
      confirmText: "Send",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    await run(async () => {
      if (dirty) await save()
      return (await send.mutateAsync(engagement.id)).engagement
    }, "Message queued for the customer")
  }
  const applyDraft = () =>
    run(
      async () => {
        if (dirty) await save()
        return (await apply.mutateAsync(engagement.id)).engagement
      },
      engagement.kind === "campaign" ? "Campaign approved" : "Applied to the product"
    )
  const rejectDraft = () => run(async () => (await reject.mutateAsync(engagement.id)).engagement, "Draft rejected")

  return (
    <div className="flex flex-col gap-y-4" data-testid="draft-editor" aria-label={`${KIND_LABELS[engagement.kind]} draft`}>
      <div className="flex flex-col gap-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <EngagementStatusBadge status={engagement.status} />
          <Text size="small" weight="plus">
            {KIND_LABELS[engagement.kind]}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {engagement.channel ? `${CHANNEL_LABELS[engagement.channel]} · ` : ""}
            {engagement.locale} · {engagement.tone} · {formatDate(engagement.created_at)}
          </Text>
        </div>
        <DraftCost engagement={engagement} />
      </div>
      {engagement.status === "failed" && (
        <Text size="small" className="text-ui-fg-error">
          Generation failed: {engagement.error ?? "no reason recorded"}
        </Text>
      )}
      {engagement.content &&
        CONTENT_FIELDS[engagement.kind].map((field) => (
          <ContentFieldInput
            key={field.key}
            id={`${idPrefix}-${field.key}`}
            field={field}
            value={values[field.key] ?? ""}
            readOnly={!isDraft || busy}
            onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
      <StatusNote engagement={engagement} />
      {Boolean(failure) && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {errorMessage(failure)}
        </Text>
      )}
      {isDraft && applyLabel && (
        <div className="flex flex-wrap items-center justify-end gap-2">
          <Button size="small" variant="secondary" onClick={rejectDraft} isLoading={reject.isPending} disabled={busy}>
            Reject
          </Button>
          <Button size="small" variant="secondary" onClick={saveEdits} isLoading={edit.isPending && !approving} disabled={busy || !dirty}>
            Save edits
          </Button>
          <Button size="small" onClick={isMessage(engagement) ? sendMessage : applyDraft} isLoading={approving} disabled={busy}>
            {applyLabel}
          </Button>
        </div>
      )}
    </div>
  )
}

/** Where a reviewed draft went. */
function StatusNote({ engagement }: { engagement: Engagement }) {
  if (isMessage(engagement)) return <MessageStatusNote engagement={engagement} />
  const notes: Partial<Record<Engagement["status"], string>> = {
    draft: "Not on the product yet: review the text, then apply it.",
    applied: `Applied to the product ${formatDate(engagement.applied_at)}.`,
    approved: `Approved ${formatDate(engagement.approved_at)}.`,
    rejected: "Rejected: nothing changed, and this text is never reused.",
  }
  const note = notes[engagement.status]
  return note ? (
    <Text size="xsmall" className="text-ui-fg-subtle" role="status">
      {note}
    </Text>
  ) : null
}

/** Where a reviewed customer message went; a sent one links to its delivery. */
function MessageStatusNote({ engagement }: { engagement: Engagement }) {
  const notes: Partial<Record<Engagement["status"], string>> = {
    draft: "Not sent: review the text, then send it to the customer.",
    approved: `Approved ${formatDate(engagement.approved_at)}, being sent.`,
    sent: `Sent to the customer ${formatDate(engagement.applied_at)}.`,
    rejected: "Rejected: nothing was sent, and this text is never reused.",
  }
  const note = notes[engagement.status]
  if (!note) return null
  return (
    <Text size="xsmall" className="text-ui-fg-subtle" role="status">
      {note}
      {engagement.status === "sent" && engagement.delivery_id && (
        <>
          {" "}
          <Link to={`/settings/deliveries/${engagement.delivery_id}`} className="text-ui-fg-interactive hover:underline">
            View delivery
          </Link>
        </>
      )}
    </Text>
  )
}
