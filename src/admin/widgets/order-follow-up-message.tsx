import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useGenerateOrderMessage } from "../hooks/use-engagements"
import {
  CHANNEL_LABELS,
  DEFAULT_MESSAGE_OPTIONS,
  MESSAGE_CHANNELS,
  type EngagementChannel,
  type MessageOptions,
} from "../lib/engagements"
import { DraftEditor } from "./write-with-ai/draft-editor"
import { DraftHistory } from "./write-with-ai/draft-history"
import { DraftOptionsFields, isLocaleValid } from "./write-with-ai/draft-options-fields"
import { GenerateDraftRow } from "./write-with-ai/generate-draft-row"
import { useDraftRequest } from "./write-with-ai/use-draft-request"

const ID_PREFIX = "follow-up-message"

/**
 * Order page: drafts a follow-up message to the order's customer with AI, for review. The draft can
 * be edited, then sent through the store's notifications (after a confirmation) or rejected; nothing
 * the AI writes reaches the customer before Send.
 */
const OrderFollowUpMessageWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [options, setOptions] = useState<MessageOptions>(DEFAULT_MESSAGE_OPTIONS)
  const generate = useGenerateOrderMessage()
  const { shown, setShown, requestDraft, submit } = useDraftRequest(generate, () => ({ orderId: order.id, options }))

  const channelField = (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={`${ID_PREFIX}-channel`} size="small" weight="plus">
        Channel
      </Label>
      <Select
        size="small"
        value={options.channel}
        onValueChange={(channel) => setOptions({ ...options, channel: channel as EngagementChannel })}
        disabled={generate.isPending}
      >
        <Select.Trigger id={`${ID_PREFIX}-channel`} aria-label="Channel">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {MESSAGE_CHANNELS.map((channel) => (
            <Select.Item key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )

  return (
    <Container className="divide-y p-0" data-testid="follow-up-message">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Follow-up message with AI</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Drafts stay here for review: nothing reaches the customer until you send one.
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted" data-testid="follow-up-privacy">
          The AI sees only the customer's first name, the order number and its items: never an email address, phone number or
          address. The message goes to the order's contact when you send it.
        </Text>
      </div>
      <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4" aria-label="Write a follow-up message with AI">
        <DraftOptionsFields
          idPrefix={ID_PREFIX}
          value={options}
          onChange={setOptions}
          disabled={generate.isPending}
          lead={channelField}
          instructionsPlaceholder="e.g. Thank them for the order and say the shirt ships on Monday."
        />
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
      <DraftHistory
        subjectId={order.id}
        selectedId={shown?.id ?? null}
        onOpen={setShown}
        heading="Messages for this order"
        empty="No messages for this order yet."
        lead={{ header: "Channel", cell: (engagement) => (engagement.channel ? CHANNEL_LABELS[engagement.channel] : "—") }}
      />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderFollowUpMessageWidget
