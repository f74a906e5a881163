import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type EngagementModuleService from "../modules/engagement/service"
import { roundUsd } from "./budget"
import { KINDS, ProductKind } from "./kinds"
import { allProductIds } from "./material"
import { prepareProductEngagements } from "./prepare"
import { readOpenAISettings } from "./provider"

export interface BulkRunRequest {
  kind: ProductKind
  product_ids?: string[]
  all?: boolean
  locale?: string
  tone?: string
  instructions?: string
}

export interface BulkRunEstimate {
  kind: ProductKind
  model: string
  /** The locale and tone every draft is written in (the store's first locale and "friendly" unless asked otherwise). */
  locale: string
  tone: string
  products: number
  product_ids: string[]
  /** Prompt tokens of every product plus the answer a kind usually gets. */
  estimated_tokens: number
  estimated_cost_usd: number
  budget_usd: number | null
  spent_usd: number
  /** null: no monthly budget. */
  budget_left_usd: number | null
}

/** The cost of drafting every product of a bulk run, before it starts: products × tokens × the model's price. */
export async function estimateEngagementBulkRun(container: MedusaContainer, request: BulkRunRequest): Promise<BulkRunEstimate> {
  const settings = await readOpenAISettings(container)
  const engagements = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const productIds = request.all
    ? await allProductIds(container.resolve(ContainerRegistrationKeys.QUERY))
    : [...new Set(request.product_ids ?? [])]
  if (!productIds.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, request.all ? "The catalogue has no products to draft" : "Invalid product_ids: name at least one product")
  }
  const prepared = await prepareProductEngagements(container, { ...request, product_ids: productIds })
  const provider = engagements.providers.forSettings(settings)
  const expectedOut = KINDS[request.kind].expectedOutputTokens
  const tokensIn = prepared.reduce((sum, each) => sum + provider.estimateTokens(each.system + each.prompt), 0)
  const tokensOut = prepared.length * expectedOut
  const budget = await engagements.budget(settings.monthlyBudgetUsd)
  return {
    kind: request.kind,
    model: settings.config.model,
    locale: prepared[0].locale,
    tone: prepared[0].tone,
    products: productIds.length,
    product_ids: productIds,
    estimated_tokens: tokensIn + tokensOut,
    estimated_cost_usd: roundUsd(provider.costOf(settings.config.model, tokensIn, tokensOut)),
    budget_usd: budget.budget_usd,
    spent_usd: budget.spent_usd,
    budget_left_usd: budget.left_usd,
  }
}
