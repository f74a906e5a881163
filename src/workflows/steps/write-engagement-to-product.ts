import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { loadProducts } from "../../engagement/material"
import { productChangeFor, restoringUpdate } from "../../engagement/product-fields"
import type { EngagementRecord } from "../../modules/engagement/types"

export const writeEngagementToProductStepId = "commerce-bridge-write-engagement-to-product"

/**
 * Writes an approved description or SEO text to its product through Medusa's product workflow
 * (so product events follow) and returns what it replaced. Compensation writes that back.
 * A campaign changes no product: nothing is written.
 */
export const writeEngagementToProductStep = createStep(
  writeEngagementToProductStepId,
  async (engagement: EngagementRecord, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [product] = await loadProducts(query, [engagement.subject_id])
    const change = productChangeFor(engagement, product)
    if (!change) return new StepResponse(null)
    await updateProductsWorkflow(container).run({ input: { products: [{ id: product.id, ...change.update }] } })
    return new StepResponse(change.previous, { productId: product.id, previous: change.previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [product] = await loadProducts(query, [undo.productId])
    await updateProductsWorkflow(container).run({ input: { products: [{ id: undo.productId, ...restoringUpdate(undo.previous, product) }] } })
  }
)
