import { createHash } from "crypto"
import { invalidRequest, modelNotFound, OpenAIErrorReply } from "./errors"

/**
 * `POST /v1/embeddings` with deterministic embeddings, so semantic search can be tested without a model.
 *
 * A text's embedding is the L2-normalised sum of one pseudo-random unit direction per term. Terms are the
 * lower-cased words, crudely stemmed (`shoes` → `shoe`, `running` → `run`), then mapped through CONCEPTS:
 * words meaning the same thing share a concept's direction, so "couch" lands on "sofa" and "sneakers" on
 * "running shoes". Each direction comes from sha256 of the term, so the same text always gives the same
 * vector, in any process. Unrelated texts are nearly orthogonal (cosine ≈ 0); a text and a synonym of one
 * of its words are as close as their shared terms allow (e.g. "Grey couch" · "sofa" ≈ 0.71).
 *
 * Usage counts a token per word (at least one per input), which is what the caching tests compare.
 */
export const EMBEDDING_MODELS: Record<string, { dimensions: number; shortenable: boolean }> = {
  "text-embedding-3-small": { dimensions: 1536, shortenable: true },
  "text-embedding-3-large": { dimensions: 3072, shortenable: true },
  "text-embedding-ada-002": { dimensions: 1536, shortenable: false },
}

/** Synonyms and concepts: a word on the left embeds as the term(s) on the right. */
export const CONCEPTS: Record<string, string[]> = {
  couch: ["sofa"],
  settee: ["sofa"],
  divan: ["sofa"],
  loveseat: ["sofa"],
  sneaker: ["run", "shoe"],
  trainer: ["run", "shoe"],
  jogger: ["run", "shoe"],
  tee: ["shirt"],
  "t-shirt": ["shirt"],
  tshirt: ["shirt"],
  hoodie: ["sweatshirt"],
  jumper: ["sweater"],
  pullover: ["sweater"],
  grey: ["gray"],
  lamp: ["light"],
  mug: ["cup"],
}

/** The most inputs one request may carry, and the longest input (in words, standing in for 8,192 tokens). */
export const MAX_INPUTS = 2048
export const MAX_INPUT_TOKENS = 8192

const stem = (word: string) => (word.length > 4 ? word.replace(/ing$/, "").replace(/(.)\1$/, "$1") : word).replace(/([^s])s$/, "$1")

/** The terms a text embeds as (see CONCEPTS). */
export function embeddingTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? []
  return words.flatMap((word) => CONCEPTS[word] ?? CONCEPTS[stem(word)] ?? [stem(word)])
}

const directions = new Map<string, Float64Array>()

function direction(term: string, dimensions: number): Float64Array {
  const key = `${dimensions}:${term}`
  const known = directions.get(key)
  if (known) return known
  const vector = new Float64Array(dimensions)
  let block = Buffer.alloc(0)
  for (let i = 0; i < dimensions; i++) {
    if (i % 16 === 0) block = createHash("sha256").update(`${term}#${i / 16}`).digest()
    vector[i] = block.readUInt16BE((i % 16) * 2) / 32767.5 - 1
  }
  directions.set(key, normalise(vector))
  return directions.get(key)!
}

function normalise(vector: Float64Array): Float64Array {
  const length = Math.hypot(...vector) || 1
  return vector.map((value) => value / length)
}

/** The fixture's embedding of one text. */
export function fixtureEmbedding(text: string, dimensions: number): number[] {
  const sum = new Float64Array(dimensions)
  for (const term of embeddingTerms(text)) direction(term, dimensions).forEach((value, i) => (sum[i] += value))
  return Array.from(normalise(sum))
}

export const tokensOf = (text: string) => Math.max(1, text.split(/\s+/).filter(Boolean).length)

export interface EmbeddingsRequestBody {
  model?: unknown
  input?: unknown
  dimensions?: unknown
  encoding_format?: unknown
  user?: unknown
}

/** OpenAI's answer to one embeddings request, or its error. */
export function answerEmbeddings(body: EmbeddingsRequestBody): { status: 200; body: object } | OpenAIErrorReply {
  if (!body || typeof body !== "object") return invalidRequest("We could not parse the JSON body of your request.")
  if (typeof body.model !== "string") return invalidRequest("you must provide a model parameter", "model")
  const model = EMBEDDING_MODELS[body.model]
  if (!model) return modelNotFound(body.model)
  const inputs = typeof body.input === "string" ? [body.input] : body.input
  if (!Array.isArray(inputs) || !inputs.length || inputs.some((input) => typeof input !== "string" || !input.length)) {
    return invalidRequest("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", "input")
  }
  if (inputs.length > MAX_INPUTS) return invalidRequest(`'$.input' is too long: at most ${MAX_INPUTS} inputs per request.`, "input")
  const long = (inputs as string[]).findIndex((input) => tokensOf(input) > MAX_INPUT_TOKENS)
  if (long >= 0) {
    return invalidRequest(`This model's maximum context length is ${MAX_INPUT_TOKENS} tokens, however you requested ${tokensOf(inputs[long])} tokens in input ${long}.`, "input")
  }
  let dimensions = model.dimensions
  if (body.dimensions !== undefined) {
    if (!model.shortenable) return invalidRequest("This model does not support specifying dimensions.", "dimensions")
    if (!Number.isInteger(body.dimensions) || (body.dimensions as number) < 1 || (body.dimensions as number) > model.dimensions) {
      return invalidRequest(`Invalid value for 'dimensions': must be between 1 and ${model.dimensions}.`, "dimensions")
    }
    dimensions = body.dimensions as number
  }
  const format = body.encoding_format ?? "float"
  if (format !== "float" && format !== "base64") {
    return invalidRequest(`Invalid value: '${String(format)}'. Supported values are: 'float' and 'base64'.`, "encoding_format", "invalid_value")
  }
  const tokens = (inputs as string[]).reduce((sum, input) => sum + tokensOf(input), 0)
  return {
    status: 200,
    body: {
      object: "list",
      data: (inputs as string[]).map((input, index) => {
        const embedding = fixtureEmbedding(input, dimensions)
        return { object: "embedding", index, embedding: format === "base64" ? Buffer.from(new Float32Array(embedding).buffer).toString("base64") : embedding }
      }),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  }
}
