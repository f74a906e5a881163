import type { Doc } from "./documents"
import { badRequest, MeiliError } from "./errors"
import type { SearchRequest } from "./params"
import type { Settings } from "./settings"
import { vectorMeasures } from "../vector-measures"

/**
 * Meilisearch's AI-powered search, for `userProvided` embedders only: the `embedders` setting, documents'
 * `_vectors`, and `hybrid` searches whose semantic half ranks by cosine similarity to the request's `vector`.
 * Embedders that call a model (`openAi`, `huggingFace`, `ollama`, `rest`, `composite`) are refused: the fixture
 * cannot embed text.
 */

const SOURCES = ["openAi", "huggingFace", "ollama", "userProvided", "rest", "composite"]
/** The fields a `userProvided` embedder accepts (others, such as `model` or `apiKey`, are refused). */
const USER_PROVIDED_FIELDS = ["source", "dimensions", "distribution", "binaryQuantized"]

const embedderError = (message: string) => badRequest("invalid_settings_embedders", message)

/** Rejects what Meilisearch rejects synchronously in `PATCH /settings` `embedders`. */
export function validateEmbedders(value: Record<string, unknown>) {
  for (const [name, embedder] of Object.entries(value)) {
    if (embedder === null) continue
    if (typeof embedder !== "object" || Array.isArray(embedder)) {
      throw embedderError(`Invalid value type at \`.embedders.${name}\`: expected an object, but found ${JSON.stringify(embedder)}`)
    }
    const config = embedder as Record<string, unknown>
    if (!SOURCES.includes(String(config.source))) {
      throw embedderError(`Unknown value \`${String(config.source)}\` at \`.embedders.${name}.source\`: expected one of ${SOURCES.map((source) => `\`${source}\``).join(", ")}`)
    }
    if (config.source !== "userProvided") throw embedderError(`\`.embedders.${name}.source\`: the fixture supports \`userProvided\` embedders only`)
    const unknown = Object.keys(config).find((key) => !USER_PROVIDED_FIELDS.includes(key))
    if (unknown) {
      throw embedderError(`\`.embedders.${name}\`: Field \`${unknown}\` unavailable for source \`userProvided\`. Available fields for this source: ${USER_PROVIDED_FIELDS.map((field) => `\`${field}\``).join(", ")}`)
    }
    if (!Number.isInteger(config.dimensions) || (config.dimensions as number) < 1) {
      throw embedderError(`\`.embedders.${name}\`: Missing field \`dimensions\` (note: this field is mandatory for source \`userProvided\`)`)
    }
  }
}

/** A document's vectors must name known embedders and have their dimensions; fails the task like Meilisearch. */
export function checkDocumentVectors(doc: Doc, id: string, settings: Settings) {
  const vectors = doc._vectors
  if (vectors === undefined || vectors === null) return
  if (typeof vectors !== "object" || Array.isArray(vectors)) {
    throw badRequest("invalid_vectors_type", `Invalid vectors for document \`${id}\`: expected an object under \`_vectors\`, found \`${JSON.stringify(vectors)}\``)
  }
  const embedders = settings.embedders as Record<string, { dimensions: number }>
  for (const [name, value] of Object.entries(vectors)) {
    const embedder = embedders[name]
    if (!embedder) {
      throw badRequest("invalid_vectors_type", `Bad embedder configuration in the document with id: \`${id}\`. Could not find embedder with name \`${name}\`.`)
    }
    const raw = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as { embeddings?: unknown }).embeddings : value
    if (raw === null || raw === undefined) continue
    const list = Array.isArray(raw) && Array.isArray(raw[0]) ? (raw as unknown[][]) : [raw as unknown[]]
    for (const vector of list) {
      if (!Array.isArray(vector) || vector.some((component) => typeof component !== "number")) {
        throw badRequest("invalid_vectors_type", `Invalid vector for document \`${id}\` at \`._vectors.${name}\`: expected an array of floats`)
      }
      if (vector.length !== embedder.dimensions) {
        throw badRequest("invalid_vector_dimensions", `Invalid vector dimensions: expected: \`${embedder.dimensions}\`, found: \`${vector.length}\`.`)
      }
    }
  }
}

/** The vectors a document holds for an embedder (one or several). */
export function documentVectors(doc: Doc, embedder: string): number[][] {
  const value = (doc._vectors as Record<string, unknown> | undefined)?.[embedder]
  const raw = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as { embeddings?: unknown }).embeddings : value
  if (!Array.isArray(raw) || !raw.length) return []
  return (Array.isArray(raw[0]) ? raw : [raw]) as number[][]
}

export interface HybridPlan {
  embedder: string
  semanticRatio: number
  vector: number[]
}

/** Checks `hybrid` and `vector` as Meilisearch does; undefined for a keyword-only search. */
export function hybridPlan(request: SearchRequest & { hybrid?: unknown; vector?: unknown }, settings: Settings, uid: string): HybridPlan | undefined {
  const { hybrid, vector } = request
  if (hybrid == null) {
    if (vector != null) throw badRequest("missing_search_hybrid", "Passing `vector` as a parameter requires `hybrid` to be set.")
    return undefined
  }
  if (typeof hybrid !== "object" || Array.isArray(hybrid)) throw badRequest("invalid_search_hybrid_query", `Invalid value type at \`.hybrid\`: expected an object, but found ${JSON.stringify(hybrid)}`)
  const { embedder, semanticRatio = 0.5 } = hybrid as { embedder?: unknown; semanticRatio?: unknown }
  if (typeof embedder !== "string") throw badRequest("invalid_search_hybrid_query", "Missing field `embedder` inside `.hybrid`")
  if (typeof semanticRatio !== "number" || semanticRatio < 0 || semanticRatio > 1) {
    throw badRequest("invalid_search_semantic_ratio", "Invalid value at `.hybrid.semanticRatio`: the value of `semanticRatio` is invalid, expected a float between `0.0` and `1.0`.")
  }
  const configured = (settings.embedders as Record<string, { dimensions: number }>)[embedder]
  if (!configured) throw badRequest("invalid_search_embedder", `Index \`${uid}\`: Cannot find embedder with name \`${embedder}\`.`)
  if (vector == null) {
    if (semanticRatio === 0) return { embedder, semanticRatio, vector: [] }
    throw new MeiliError(400, "vector_embedding_error", "Error while generating embeddings: user error: attempt to embed the following text in a configuration where embeddings must be user provided")
  }
  if (!Array.isArray(vector) || vector.some((component) => typeof component !== "number")) {
    throw badRequest("invalid_search_vector", `Invalid value type at \`.vector\`: expected an array of floats, but found ${JSON.stringify(vector)}`)
  }
  if (vector.length !== configured.dimensions) {
    throw badRequest("invalid_vector_dimensions", `Invalid vector dimensions: expected: \`${configured.dimensions}\`, found: \`${vector.length}\`.`)
  }
  return { embedder, semanticRatio, vector: vector as number[] }
}

const cosine = (a: number[], b: number[]) => vectorMeasures(a, b).cosine

/** The semantic score of a document: its best vector's cosine similarity mapped to [0, 1]; undefined without a vector. */
export function semanticScore(doc: Doc, plan: HybridPlan): number | undefined {
  const vectors = documentVectors(doc, plan.embedder)
  if (!vectors.length) return undefined
  return Math.max(...vectors.map((vector) => Math.min(1, Math.max(0, (1 + cosine(vector, plan.vector)) / 2))))
}

/**
 * Meilisearch's merge of the keyword and semantic result lists: each score is weighted by its side's ratio
 * (`1 - semanticRatio` for keywords, `semanticRatio` for vectors), a document keeps its better side, and the
 * list is ordered by weighted score. `_rankingScore` stays the unweighted score of the side that won.
 */
export function mergeHybrid<T extends { doc: Doc; score: number }>(keyword: T[], semantic: T[], plan: HybridPlan, idOf: (doc: Doc) => string) {
  const merged = new Map<string, { entry: T; weighted: number; semantic: boolean; semanticScore?: number }>()
  const offer = (entry: T, weighted: number, isSemantic: boolean, semanticValue?: number) => {
    const id = idOf(entry.doc)
    const known = merged.get(id)
    const best = !known || weighted > known.weighted ? { entry, weighted, semantic: isSemantic } : known
    merged.set(id, { ...best, semanticScore: semanticValue ?? known?.semanticScore })
  }
  if (plan.semanticRatio < 1) keyword.forEach((entry) => offer(entry, entry.score * (1 - plan.semanticRatio), false))
  if (plan.semanticRatio > 0) semantic.forEach((entry) => offer(entry, entry.score * plan.semanticRatio, true, entry.score))
  return [...merged.values()].sort((a, b) => b.weighted - a.weighted)
}
