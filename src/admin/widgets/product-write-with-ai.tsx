import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useGenerateEngagement } from "../hooks/use-engagements"
import { DEFAULT_DRAFT_OPTIONS, type DraftOptions } from "../lib/engagements"
import { DraftEditor } from "./write-with-ai/draft-editor"
import { DraftHistory } from "./write-with-ai/draft-history"
import { DraftOptionsFields, isLocaleValid } from "./write-with-ai/draft-options-fields"
import { GenerateDraftRow } from "./write-with-ai/generate-draft-row"
import { useDraftRequest } from "./write-with-ai/use-draft-request"

/**
 * Product page: drafts a description or SEO text with AI, for review. The draft can be edited,
 * applied to the product or rejected; nothing reaches the product (or a customer) before Apply.
 */
const WriteWithAIWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const [options, setOptions] = useState<DraftOptions>(DEFAULT_DRAFT_OPTIONS)
  const generate = useGenerateEngagement()
  const { shown, setShown, requestDraft, submit } = useDraftRequest(generate, () => ({ productId: product.id, options }))

  return (
    <Container className="divide-y p-0" data-testid="write-with-ai">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Write with AI</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Drafts stay here for review: nothing changes on the product until you apply one.
          </Text>
        </div>
        <Link to="/engagements" className="txt-compact-small whitespace-nowrap text-ui-fg-interactive hover:underline">
          Draft many products
        </Link>
      </div>
      <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4" aria-label="Write a draft with AI">
        <DraftOptionsFields idPrefix="write-with-ai" value={options} onChange={setOptions} disabled={generate.isPending} />
        <GenerateDraftRow
          pending={generate.isPending}
          disabled={!isLocaleValid(options.locale)}
          error={generate.isError ? generate.error : null}
          onRetry={requestDraft}
        />
      </form>
      {shown && (
        <div className="px-6 py-4">
          <DraftEditor key={shown.id} engagement={shown} onChanged={setShown} />
        </div>
      )}
      <DraftHistory productId={product.id} selectedId={shown?.id ?? null} onOpen={setShown} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default WriteWithAIWidget
