import { Button, toast, usePrompt } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useResendDelivery } from "../../../../../hooks/use-deliveries"
import type { Delivery } from "../../../../../lib/deliveries"
import { errorMessage } from "../../../../../lib/sdk"

/** Queues a copy of the message after a confirmation, then opens the copy. */
export function ResendButton({ delivery }: { delivery: Delivery }) {
  const resend = useResendDelivery()
  const prompt = usePrompt()
  const navigate = useNavigate()

  const run = async () => {
    const confirmed = await prompt({
      variant: "confirmation",
      title: "Resend this message?",
      description: `A new copy of "${delivery.subject ?? delivery.template}" goes to ${delivery.recipient} through the worker queue. This message keeps its history.`,
      confirmText: "Resend",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    resend.mutate(delivery.id, {
      onSuccess: ({ delivery: copy }) => {
        toast.success("Message queued again", { description: `The copy ${copy.id} is shown now.` })
        navigate(`../${encodeURIComponent(copy.id)}`, { relative: "path" })
      },
      onError: (error) => toast.error(errorMessage(error)),
    })
  }

  return (
    <Button size="small" variant="secondary" onClick={run} isLoading={resend.isPending}>
      Resend
    </Button>
  )
}
