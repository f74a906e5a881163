import { Button, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/sdk"

interface QueryStateProps {
  /** What is loading, e.g. "queues". */
  what: string
  isLoading: boolean
  isError: boolean
  error: unknown
  refetch: () => unknown
}

/** The loading and error rows every CommerceBridge page shows above its content. */
export function QueryState({ what, isLoading, isError, error, refetch }: QueryStateProps) {
  if (isLoading) {
    return (
      <Text size="small" className="px-6 py-4 text-ui-fg-subtle" role="status">
        Loading {what}…
      </Text>
    )
  }
  if (!isError) {
    return null
  }
  return (
    <div className="flex items-center justify-between gap-x-4 px-6 py-4" role="alert">
      <Text size="small" className="text-ui-fg-error">
        Could not load {what}: {errorMessage(error)}
      </Text>
      <Button size="small" variant="secondary" onClick={() => refetch()}>
        Try again
      </Button>
    </div>
  )
}
