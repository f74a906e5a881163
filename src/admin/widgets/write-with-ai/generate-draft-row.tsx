import { Button, Text } from "@medusajs/ui"
import { GenerationProblem } from "./generation-problem"

interface GenerateDraftRowProps {
  pending: boolean
  disabled: boolean
  error: Error | null
  onRetry: () => void
}

/** The "Generate draft" submit row of the product and order widgets, with its progress and failure. */
export function GenerateDraftRow({ pending, disabled, error, onRetry }: GenerateDraftRowProps) {
  return (
    <>
      <div className="flex items-center justify-end gap-x-3">
        {pending && (
          <Text size="small" className="text-ui-fg-subtle" role="status">
            Writing… this takes a few seconds.
          </Text>
        )}
        <Button size="small" type="submit" isLoading={pending} disabled={disabled}>
          Generate draft
        </Button>
      </div>
      {error && <GenerationProblem error={error} onRetry={onRetry} />}
    </>
  )
}
