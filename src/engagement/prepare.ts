import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { maskContactData } from "../lib/redact"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type EngagementModuleService from "../modules/engagement/service"
import type { EngagementChannel, EngagementKind, SubjectType } from "../modules/engagement/types"
import { inputHash } from "./input-hash"
import { customerMessagePrompts, isProductKind, KINDS, ProductKind, productPrompts, Prompts, subjectTypeFor } from "./kinds"
import { LoadedProduct, loadCustomerMessageMaterial, loadProducts, loadStoreContext, StoreContext } from "./material"
import { readOpenAISettings } from "./provider"

export const DEFAULT_TONE = "friendly"

/** What a merchant asks for. */
export interface EngagementRequest {
  kind: EngagementKind
  subject_id: string
  subject_type?: SubjectType
  locale?: string
  tone?: string
  channel?: EngagementChannel
  instructions?: string
  requested_by?: string | null
  bulk_run_id?: string | null
}

/** A request turned into the exact prompts the model gets, and the hash that identifies them. */
export interface PreparedEngagement {
  kind: EngagementKind
  subject_type: SubjectType
  subject_id: string
  locale: string
  tone: string
  channel: EngagementChannel | null
  instructions: string | null
  model: string
  prompt_version: string
  input_hash: string
  system: string
  prompt: string
  requested_by: string | null
  bulk_run_id: string | null
}

/** Reads the subject (only what its kind may use) and builds the prompts; OpenAI off or unconfigured is a 409. */
export async function prepareEngagement(container: MedusaContainer, request: EngagementRequest): Promise<PreparedEngagement> {
  const { config } = await readOpenAISettings(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const subjectType = subjectTypeFor(request.kind, request.subject_id, request.subject_type)
  const store = await loadStoreContext(query)
  if (isProductKind(request.kind)) {
    if (request.channel) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid channel: only a customer_message has a channel`)
    const [product] = await loadProducts(query, [request.subject_id])
    return prepareForProduct(container, { ...request, kind: request.kind }, product, store, config.model)
  }
  const channel = request.channel ?? "email"
  const loaded = await loadCustomerMessageMaterial(query, subjectType, request.subject_id)
  const context = voiceContext(container, store, request, loaded.locale)
  const prompts = customerMessagePrompts(context, channel, loaded.material, request.instructions)
  return finish({ ...request, subject_type: subjectType, channel }, context, prompts, config.model)
}

/** Prompts for many products of one kind, sharing one read of the store (bulk runs and their estimates). */
export async function prepareProductEngagements(
  container: MedusaContainer,
  request: Omit<EngagementRequest, "subject_id" | "kind"> & { kind: ProductKind; product_ids: string[] }
): Promise<PreparedEngagement[]> {
  const { config } = await readOpenAISettings(container)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const store = await loadStoreContext(query)
  const prepared: PreparedEngagement[] = []
  for (let start = 0; start < request.product_ids.length; start += 200) {
    const products = await loadProducts(query, request.product_ids.slice(start, start + 200))
    for (const product of products) {
      prepared.push(prepareForProduct(container, { ...request, subject_id: product.id }, product, store, config.model))
    }
  }
  return prepared
}

function prepareForProduct(
  container: MedusaContainer,
  request: EngagementRequest & { kind: ProductKind },
  product: LoadedProduct,
  store: StoreContext,
  model: string
): PreparedEngagement {
  const context = voiceContext(container, store, request, null)
  const prompts = productPrompts(request.kind, context, product.material, request.instructions)
  return finish({ ...request, subject_type: "product", channel: undefined }, context, prompts, model)
}

function voiceContext(container: MedusaContainer, store: StoreContext, request: EngagementRequest, subjectLocale: string | null) {
  const { voice } = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE).settings
  return {
    storeName: store.name,
    voice,
    tone: request.tone?.trim() || DEFAULT_TONE,
    locale: request.locale || subjectLocale || store.defaultLocale,
  }
}

function finish(
  request: EngagementRequest & { subject_type: SubjectType },
  context: { tone: string; locale: string },
  prompts: Prompts,
  model: string
): PreparedEngagement {
  const promptVersion = KINDS[request.kind].promptVersion
  return {
    kind: request.kind,
    subject_type: request.subject_type,
    subject_id: request.subject_id,
    locale: context.locale,
    tone: context.tone,
    channel: request.channel ?? null,
    instructions: request.instructions?.trim() ? maskContactData(request.instructions.trim()) : null,
    model,
    prompt_version: promptVersion,
    input_hash: inputHash({ kind: request.kind, promptVersion, model, locale: context.locale, tone: context.tone, ...prompts }),
    system: prompts.system,
    prompt: prompts.prompt,
    requested_by: request.requested_by ?? null,
    bulk_run_id: request.bulk_run_id ?? null,
  }
}
