import { randomUUID } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BRIDGE_MODULE } from "../modules/bridge"
import type BridgeModuleService from "../modules/bridge/service"
import { NOTIFICATIONS_MODULE } from "../modules/notifications"
import type DeliveryModuleService from "../modules/notifications/service"
import type { DeliveryChannel, NewDelivery } from "../modules/notifications/types"
import { enqueueDeliveriesStep } from "./steps/enqueue-deliveries"
import { recordDeliveriesStep } from "./steps/record-deliveries"

const CHANNEL_OF_INTEGRATION: Record<string, DeliveryChannel> = { mailgun: "email", twilio: "sms" }
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const E164 = /^\+[1-9]\d{6,14}$/

export const prepareTestMessageStepId = "commerce-bridge-prepare-test-message"

/** Renders the test message for the integration's channel; refuses a recipient that channel cannot take. */
export const prepareTestMessageStep = createStep(
  prepareTestMessageStepId,
  async (input: { integration: string; to: string }, { container }) => {
    const { label } = container.resolve<BridgeModuleService>(BRIDGE_MODULE).getDescriptor(input.integration)
    const channel = CHANNEL_OF_INTEGRATION[input.integration]
    if (!channel) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${label} does not send messages`)
    if (!(channel === "email" ? EMAIL : E164).test(input.to)) {
      const expected = channel === "email" ? "an email address" : "a phone number in E.164 form (+4915112345678)"
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid to: ${label} needs ${expected}`)
    }
    const deliveries = container.resolve<DeliveryModuleService>(NOTIFICATIONS_MODULE)
    const sentAt = new Date()
    const data = { store: { name: "CommerceBridge", url: deliveries.settings.storefrontUrl }, provider: label, sent_at: sentAt.toISOString() }
    const rendered = await deliveries.renderer.render("test-message", channel, "en", data)
    const delivery: NewDelivery = {
      idempotency_key: `test-message:${input.integration}:${randomUUID()}`,
      event: "commerce-bridge.test-message",
      template: "test-message",
      channel,
      locale: "en",
      recipient: input.to,
      resource_type: "integration",
      resource_id: input.integration,
      ...rendered,
    }
    return new StepResponse([delivery])
  }
)

export const sendTestMessageWorkflowId = "commerce-bridge-send-test-message"

/** A test message through an integration's channel, queued like any other message. */
export const sendTestMessageWorkflow = createWorkflow(sendTestMessageWorkflowId, (input: { integration: string; to: string }) => {
  const prepared = prepareTestMessageStep(input)
  const recorded = recordDeliveriesStep(prepared)
  enqueueDeliveriesStep(recorded)
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded[0]))
})
