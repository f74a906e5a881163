import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useSearchParams } from "react-router-dom"
import { QueryState } from "../../components/query-state"
import { useBulkRun, useEstimateBulkRun, useStartBulkRun } from "../../hooks/use-engagements"
import { DEFAULT_DRAFT_OPTIONS, formatUsd, isRunOver, type DraftOptions, type ProductSelection } from "../../lib/engagements"
import { DraftOptionsFields, isLocaleValid } from "../../widgets/write-with-ai/draft-options-fields"
import { GenerationProblem } from "../../widgets/write-with-ai/generation-problem"
import { EstimateSummary } from "./components/estimate-summary"
import { PickedProducts, ProductPicker } from "./components/product-picker"
import { RunProgress } from "./components/run-progress"
import { RunResults } from "./components/run-results"

const selectionOf = (picked: PickedProducts): ProductSelection => (picked.all ? { all: true } : { product_ids: picked.ids })

/** Drafts for many products at once: choose products and what to write, see the cost, start, follow, review. */
const EngagementsPage = () => {
  const [picked, setPicked] = useState<PickedProducts>({ ids: [], all: false })
  const [options, setOptions] = useState<DraftOptions>(DEFAULT_DRAFT_OPTIONS)
  // The run being followed lives in the URL, so a reload keeps following it.
  const [params, setParams] = useSearchParams()
  const runId = params.get("run")
  const estimate = useEstimateBulkRun()
  const start = useStartBulkRun()
  const run = useBulkRun(runId)
  const prompt = usePrompt()
  const nothingPicked = !picked.all && picked.ids.length === 0

  // An estimate holds for the products and options it was made for.
  const changeProducts = (next: PickedProducts) => (setPicked(next), estimate.reset(), start.reset())
  const changeOptions = (next: DraftOptions) => (setOptions(next), estimate.reset(), start.reset())

  const requestEstimate = () => estimate.mutate({ selection: selectionOf(picked), options })

  const startRun = async () => {
    const figures = estimate.data!
    const confirmed = await prompt({
      variant: "confirmation",
      title: `Draft ${figures.products} products?`,
      description: `Estimated cost ${formatUsd(figures.estimated_cost_usd)}. The drafts wait here for review: no product changes until you apply a draft.`,
      confirmText: "Start",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    start.mutate(
      { selection: selectionOf(picked), options },
      {
        onSuccess: ({ bulk_run }) => {
          setParams({ run: bulk_run.id })
          estimate.reset()
          toast.info(`Drafting ${bulk_run.product_count} products`)
        },
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">AI drafts</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Write descriptions or SEO text for many products at once. Every draft waits for your review; open one to edit, apply or reject it.
        </Text>
      </Container>

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          1. Products
        </Heading>
        <ProductPicker value={picked} onChange={changeProducts} disabled={start.isPending} />
      </Container>

      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          2. What to write
        </Heading>
        <div className="px-6 py-4">
          <DraftOptionsFields idPrefix="bulk-draft" value={options} onChange={changeOptions} disabled={start.isPending} />
        </div>
      </Container>

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-x-4 px-6 py-4">
          <Heading level="h2">3. Estimate and start</Heading>
          <Button
            size="small"
            variant="secondary"
            onClick={requestEstimate}
            isLoading={estimate.isPending}
            disabled={nothingPicked || !isLocaleValid(options.locale)}
          >
            Estimate
          </Button>
        </div>
        <div className="flex flex-col gap-y-4 px-6 py-4">
          {!estimate.data && !estimate.isError && (
            <Text size="small" className="text-ui-fg-subtle">
              {nothingPicked ? "Select products first." : "Estimate what the run costs before starting it; nothing is generated yet."}
            </Text>
          )}
          {estimate.isError && <GenerationProblem error={estimate.error} />}
          {estimate.data && <EstimateSummary estimate={estimate.data} onStart={startRun} isStarting={start.isPending} />}
          {start.isError && <GenerationProblem error={start.error} />}
        </div>
      </Container>

      {runId && (
        <Container className="divide-y p-0" data-testid="bulk-run">
          <Heading level="h2" className="px-6 py-4">
            Run {runId}
          </Heading>
          <QueryState what="the run" isLoading={run.isLoading} isError={run.isError} error={run.error} refetch={run.refetch} />
          {run.data && (
            <div className="px-6 py-4">
              <RunProgress run={run.data.bulk_run} />
            </div>
          )}
          <RunResults
            runId={runId}
            running={!isRunOver(run.data?.bulk_run)}
            settled={(run.data?.bulk_run.done ?? 0) + (run.data?.bulk_run.failed ?? 0)}
          />
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "AI drafts",
  icon: Sparkles,
})

export default EngagementsPage
