import { container as applicationContainer } from "@medusajs/framework"
import type { SearchDocument, SearchTypes } from "@medusajs/framework/types"
import { search } from "@medusajs/framework/utils"
import { resolveEmbeddingModel, ResolvedEmbeddingModel } from "../../search-embeddings/options"
import { SEARCH_EMBEDDINGS_MODULE_KEY } from "../../search-embeddings/provider-vectors"
import { valueAt } from "../../lib/search-fields"
import { indexOptionError } from "./errors"

/** The `semantic` option of an index factory: an embedding of each document's text, for hybrid search. */
export interface SemanticIndexOptions {
  /**
   * Dotted document paths whose text is embedded, joined in this order.
   * @defaultValue ["title", "subtitle", "description", "content.description"]
   */
  fields?: string[]
  /**
   * The embeddings model, on the OpenAI integration's server.
   * @defaultValue "text-embedding-3-small"
   */
  model?: string
  /**
   * Components of each embedding.
   * @defaultValue 1536
   */
  dimensions?: number
  /**
   * The vector field's name in the index.
   * @defaultValue "embedding"
   */
  field?: string
}

export type ResolvedSemanticOptions = ResolvedEmbeddingModel & { fields: string[]; field: string }

/** What the search-embeddings module offers the index transform (see src/modules/search-embeddings). */
export interface DocumentEmbedder {
  embed(texts: string[], model: ResolvedEmbeddingModel): Promise<number[][]>
}


export function resolveSemanticOptions(entity: string, options: SemanticIndexOptions | undefined): ResolvedSemanticOptions | undefined {
  if (!options) return undefined
  const fields = options.fields ?? ["title", "subtitle", "description", "content.description"]
  if (!Array.isArray(fields) || !fields.length || fields.some((field) => typeof field !== "string" || !field)) {
    throw indexOptionError(entity, "semantic.fields must be a non-empty list of document paths")
  }
  try {
    return { ...resolveEmbeddingModel(options), fields, field: options.field ?? "embedding" }
  } catch (error) {
    throw indexOptionError(entity, (error as Error).message)
  }
}

/**
 * The vector field: `embed` lets `search_options.vector.query` through the Search Module; our providers
 * embed the query text through the same cached service, and documents already carry their vectors.
 */
export function semanticFieldSchema(semantic: ResolvedSemanticOptions | undefined) {
  return semantic ? { [semantic.field]: search.vector(semantic.dimensions).embed().providerOptions({ commerce_bridge: { model: semantic.model } }) } : {}
}

/** The text of a document that is embedded: its semantic fields' non-empty values, one per line. */
export function semanticText(document: SearchDocument, fields: string[]): string {
  return fields
    .flatMap((path) => [valueAt(document, path)].flat())
    .filter((value): value is string | number => (typeof value === "string" && value.trim() !== "") || typeof value === "number")
    .map(String)
    .join("\n")
}

/**
 * Adds each document's embedding, for a whole batch at once: the module answers from its cache by
 * content hash and sends only the misses to the server, in batches. A document without text gets null.
 */
export async function addEmbeddings(documents: SearchDocument[], semantic: ResolvedSemanticOptions, context?: SearchTypes.SearchIngestionContext): Promise<SearchDocument[]> {
  const texts = documents.map((document) => semanticText(document, semantic.fields))
  const wanted = texts.filter(Boolean)
  const model = { model: semantic.model, dimensions: semantic.dimensions }
  const embeddings = wanted.length ? await resolveEmbedder(context).embed(wanted, model) : []
  let next = 0
  return documents.map((document, i) => ({ ...document, [semantic.field]: texts[i] ? embeddings[next++] : null }))
}

function resolveEmbedder(context?: SearchTypes.SearchIngestionContext): DocumentEmbedder {
  const fromContext = (context?.container as { resolve?: (key: string, options?: object) => unknown } | undefined)?.resolve?.(SEARCH_EMBEDDINGS_MODULE_KEY, { allowUnregistered: true })
  const embedder = (fromContext ?? applicationContainer.resolve(SEARCH_EMBEDDINGS_MODULE_KEY, { allowUnregistered: true })) as DocumentEmbedder | undefined
  if (!embedder) {
    throw new Error(`Semantic search needs CommerceBridge's search-embeddings module (${SEARCH_EMBEDDINGS_MODULE_KEY}), which is not registered`)
  }
  return embedder
}
