import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { customerContact, engagementDelivery } from "../../engagement/delivery"
import type { EngagementRecord } from "../../modules/engagement/types"

export const prepareEngagementDeliveryStepId = "commerce-bridge-prepare-engagement-delivery"

/**
 * The approved message as a delivery to the customer's address or number, looked up now (the
 * engagement never stores it). Reads only: nothing to compensate.
 */
export const prepareEngagementDeliveryStep = createStep(
  prepareEngagementDeliveryStepId,
  async (engagement: EngagementRecord, { container }) => {
    const recipient = await customerContact(container, engagement)
    return new StepResponse([engagementDelivery(engagement, recipient)])
  }
)
