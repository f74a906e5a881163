import { container as applicationContainer } from "@medusajs/framework"
import type { ProviderSearchQuery, ResolvedSearchIndexDefinition, SearchDocument } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { flattenFields, valueAt } from "../lib/search-fields"
import { DEFAULT_EMBEDDING_MODEL, ResolvedEmbeddingModel } from "./options"

/** What engines need to embed: the search-embeddings module's `embed` (cache first, then the OpenAI integration's server). */
export interface TextEmbedder {
  embed(texts: string[], model: ResolvedEmbeddingModel): Promise<number[][]>
}

export const SEARCH_EMBEDDINGS_MODULE_KEY = "commerceBridgeSearchEmbeddings"

export interface VectorField {
  path: string
  dimensions: number
  model: ResolvedEmbeddingModel
}

/** The index's vector fields; the model is the field's `provider_options.commerce_bridge.model` (set by the `semantic` option). */
export function vectorFields(index: ResolvedSearchIndexDefinition): VectorField[] {
  return flattenFields(index.fields)
    .filter(({ field }) => field.type === "vector" && field.dimensions)
    .map(({ path, field }) => {
      const model = (field.provider_options?.commerce_bridge as { model?: string } | undefined)?.model ?? DEFAULT_EMBEDDING_MODEL.model
      return { path, dimensions: field.dimensions!, model: { model, dimensions: field.dimensions! } }
    })
}

/** The embedder behind `search_options.vector.query` and text written to an `embed` field. */
export function defaultTextEmbedder(): TextEmbedder {
  const embedder = applicationContainer.resolve<TextEmbedder | undefined>(SEARCH_EMBEDDINGS_MODULE_KEY, { allowUnregistered: true })
  if (!embedder) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Semantic search needs CommerceBridge's search-embeddings module, which is not registered")
  }
  return embedder
}

/**
 * Documents whose vector field holds text (an `embed` field written by hand) get that text's embedding, in
 * one batch per field; the product index's documents already carry their vectors and pass unchanged.
 */
export async function embedTextValues(documents: SearchDocument[], index: ResolvedSearchIndexDefinition, embedder: () => TextEmbedder): Promise<SearchDocument[]> {
  let result = documents
  for (const field of vectorFields(index)) {
    const texts = result.map((document) => valueAt(document, field.path)).map((value) => (typeof value === "string" && value.trim() ? value : undefined))
    const wanted = texts.filter((text): text is string => text !== undefined)
    if (!wanted.length) continue
    const embeddings = await embedder().embed(wanted, field.model)
    let next = 0
    result = result.map((document, i) => (texts[i] === undefined ? document : setAt(document, field.path, embeddings[next++])))
  }
  return result
}

function setAt(document: SearchDocument, path: string, value: unknown): SearchDocument {
  const [head, ...rest] = path.split(".")
  if (!rest.length) return { ...document, [head]: value }
  return { ...document, [head]: setAt((document[head] as SearchDocument) ?? {}, rest.join("."), value) }
}

export interface QueryVector {
  field: VectorField
  vector: number[]
  /** 0 keyword only … 1 semantic only: `semantic_ratio`, else 0.5 beside a text query and 1 without one (Medusa's defaults). */
  semanticRatio: number
}

/** The vector field a search names in `search_options.vector.field`, or else the index's only one. */
export function requestedVectorField(input: ProviderSearchQuery): VectorField | undefined {
  const named = input.search_options?.vector?.field
  const fields = vectorFields(input.index)
  return named ? fields.find((candidate) => candidate.path === named) : fields.length === 1 ? fields[0] : undefined
}

/** The embedding a search asks for: `search_options.vector.value`, or its `query` embedded through the cache. */
export async function queryVector(input: ProviderSearchQuery, embedder: () => TextEmbedder): Promise<QueryVector | undefined> {
  const options = input.search_options?.vector
  if (!options) return undefined
  const field = requestedVectorField(input)
  if (!field) throw new MedusaError(MedusaError.Types.INVALID_DATA, `search_options.vector: no vector field ${options.field ? `"${options.field}" ` : ""}on index "${input.index.name}"`)
  const ratio = options.semantic_ratio ?? ((input.q ?? input.filters?.q) ? 0.5 : 1)
  if (typeof ratio !== "number" || ratio < 0 || ratio > 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "search_options.vector.semantic_ratio must be a number between 0 and 1")
  }
  const vector = options.value ?? (options.query?.trim() ? (await embedder().embed([options.query.trim()], field.model))[0] : undefined)
  if (!vector) throw new MedusaError(MedusaError.Types.INVALID_DATA, 'search_options.vector needs "value" or a non-empty "query"')
  if (vector.length !== field.dimensions) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `search_options.vector.value has ${vector.length} dimensions; "${field.path}" has ${field.dimensions}`)
  }
  return { field, vector, semanticRatio: ratio }
}

/**
 * `queryVector`, but a query whose text cannot be embedded right now (the embeddings server down, rate
 * limited past its retries, OpenAI switched off) is answered by keywords alone, flagged
 * `provider_metadata.semantic: "unavailable"`, instead of failing the search. Bad input still fails.
 */
export async function queryVectorOrKeywords(
  input: ProviderSearchQuery,
  embedder: () => TextEmbedder,
  warn: (error: unknown) => void
): Promise<{ vector?: QueryVector; unavailable?: boolean }> {
  try {
    return { vector: await queryVector(input, embedder) }
  } catch (error) {
    if (error instanceof MedusaError) throw error
    warn(error)
    return { unavailable: true }
  }
}

/** What a search result says about its semantic half. */
export const semanticMetadata = (planned: { vector?: QueryVector; unavailable?: boolean }): Record<string, unknown> | undefined =>
  planned.vector ? { semantic: "hybrid", semantic_ratio: planned.vector.semanticRatio } : planned.unavailable ? { semantic: "unavailable" } : undefined

/** Logs, at most once a minute, that query texts cannot be embedded (never the query text itself). */
export function semanticWarner(provider: string, logger: { warn(message: string): void }, intervalMs = 60_000): (error: unknown) => void {
  let warnedAt: number | undefined
  return (error) => {
    if (warnedAt !== undefined && Date.now() - warnedAt < intervalMs) return
    warnedAt = Date.now()
    logger.warn(`CommerceBridge search: ${provider} cannot embed query text (${(error as Error)?.message ?? String(error)}); hybrid searches answer by keywords, flagged semantic: "unavailable"`)
  }
}
