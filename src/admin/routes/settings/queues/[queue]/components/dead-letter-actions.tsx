import { Button, toast, usePrompt } from "@medusajs/ui"
import { useDeadLetterAction } from "../../../../../hooks/use-queues"
import { errorMessage } from "../../../../../lib/sdk"

interface Props {
  queue: string
  selected: string[]
  total: number
  onDone: () => void
}

/** Replay or discard the selection, or everything after a confirmation. */
export function DeadLetterActions({ queue, selected, total, onDone }: Props) {
  const act = useDeadLetterAction()
  const prompt = usePrompt()

  const run = async (action: "replay" | "discard", ids?: string[]) => {
    const what = ids ? `${ids.length} selected job${ids.length === 1 ? "" : "s"}` : `all ${total} dead-lettered jobs`
    if (action === "discard" || !ids) {
      const confirmed = await prompt({
        title: action === "replay" ? "Replay everything?" : "Discard for good?",
        description:
          action === "replay" ? `Replay ${what} with fresh attempts.` : `Discard ${what}. Their payloads cannot be recovered.`,
        confirmText: action === "replay" ? "Replay" : "Discard",
        cancelText: "Cancel",
      })
      if (!confirmed) return
    }
    act.mutate(
      { name: queue, action, ids },
      {
        onSuccess: (result) => {
          toast.success(action === "replay" ? `Replayed ${result.replayed}` : `Discarded ${result.discarded}`)
          onDone()
        },
        onError: (error) => toast.error(errorMessage(error)),
      }
    )
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="small" variant="secondary" disabled={!selected.length || act.isPending} onClick={() => run("replay", selected)}>
        Replay selected
      </Button>
      <Button size="small" variant="secondary" disabled={!selected.length || act.isPending} onClick={() => run("discard", selected)}>
        Discard selected
      </Button>
      <Button size="small" variant="secondary" disabled={!total || act.isPending} onClick={() => run("replay")}>
        Replay all
      </Button>
      <Button size="small" variant="danger" disabled={!total || act.isPending} onClick={() => run("discard")}>
        Discard all
      </Button>
    </div>
  )
}
