import OpenAI from "openai"
import { backoffMs, classifyFailure, RequestFailure } from "../providers/engagement-openai/errors"
import { EmbeddingsError } from "./errors"
import { DEFAULT_EMBEDDINGS_CLIENT, EmbeddingsClientOptions, ResolvedEmbeddingModel } from "./options"

/** Longest Retry-After waited in place; a longer one fails the batch, for the queue to retry later. */
export const MAX_RETRY_AFTER_MS = 60_000

export interface EmbeddingsAnswer {
  embeddings: number[][]
  tokens: number
  /** Requests sent, retries included. */
  requests: number
}

/**
 * `POST /v1/embeddings` through the official SDK, against the OpenAI integration's server (OpenAI or any
 * compatible one). The SDK's own retries are off: 429, 5xx and network failures are retried here,
 * honouring Retry-After, as the engagement provider does.
 */
export class EmbeddingsClient {
  private readonly sdk: OpenAI
  private readonly options: Required<Omit<EmbeddingsClientOptions, "baseUrl">>

  constructor(
    options: EmbeddingsClientOptions,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  ) {
    if (!options?.apiKey) throw new TypeError('Embeddings client: option "apiKey" is required')
    this.options = { ...DEFAULT_EMBEDDINGS_CLIENT, ...options }
    this.sdk = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0, timeout: this.options.timeoutMs })
  }

  get batchSize(): number {
    return this.options.batchSize
  }

  /** The embeddings of `texts`, in order, in one request (callers batch by `batchSize`). */
  async embed(texts: string[], model: ResolvedEmbeddingModel): Promise<EmbeddingsAnswer> {
    for (let retry = 0; ; retry++) {
      const startedAt = Date.now()
      let failure: RequestFailure | undefined
      try {
        const answer = await this.sdk.embeddings.create({ model: model.model, input: texts, dimensions: model.dimensions })
        const embeddings = [...answer.data].sort((a, b) => a.index - b.index).map((entry) => entry.embedding)
        const wrong = embeddings.find((embedding) => embedding.length !== model.dimensions)
        if (embeddings.length !== texts.length || wrong) {
          throw new EmbeddingsError(`Embeddings server answered ${embeddings.length} embeddings of ${wrong?.length ?? model.dimensions} dimensions for ${texts.length} texts of ${model.dimensions}`, { transient: false })
        }
        return { embeddings, tokens: answer.usage?.prompt_tokens ?? 0, requests: retry + 1 }
      } catch (error) {
        failure = classifyFailure(error, this.options.timeoutMs, Date.now() - startedAt)
        if (!failure) throw error
      }
      if (!failure.retryable || retry >= this.options.maxRetries || (failure.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) {
        const after = retry ? ` after ${retry + 1} attempts` : ""
        throw new EmbeddingsError(`Embeddings request failed${after}: ${failure.detail}`, { status: failure.status, transient: failure.transient, cause: failure.cause })
      }
      await this.sleep(failure.retryAfterMs ?? backoffMs(retry))
    }
  }
}
