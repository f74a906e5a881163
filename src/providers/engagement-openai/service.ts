import type { Logger } from "@medusajs/framework/types"
import OpenAI from "openai"
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions"
import { safeErrorMessage } from "../../lib/redact"
import { readAnswer } from "./answer"
import { backoffMs, classifyFailure, EngagementGenerationError, GenerationUsage, RequestFailure } from "./errors"
import { responseFormatFor } from "./json-schema"
import { RequestLimiter } from "./limiter"
import {
  DEFAULT_MAX_OUTPUT_TOKENS,
  priceOf,
  ResolvedOpenAIEngagementOptions,
  resolveOptions,
  validateOpenAIEngagementOptions,
} from "./options"
import type { GenerationRequest, GenerationResult, OpenAIEngagementOptions } from "./types"

/** Longest Retry-After waited in place; a longer one fails (transient, with `retryAfterMs`) for the caller to reschedule. */
export const MAX_RETRY_AFTER_MS = 60_000
/** A malformed answer is asked again once. */
const ASKS = 2

interface Tally {
  attempts: number
  tokensIn: number
  tokensOut: number
  /** The model to price the tokens at: the answered snapshot when it has a price, else the requested model. */
  model: string
}

/**
 * Structured generations (product copy, SEO text, customer messages) through the official `openai`
 * SDK's chat completions, against OpenAI or any compatible server. The SDK's own retries are off:
 * this provider retries 429 / 5xx / network failures itself, honouring Retry-After, and paces
 * requests with a per-process limiter (concurrency, requests and tokens per minute).
 */
export class OpenAIEngagementProvider {
  static identifier = "engagement-openai"

  private readonly options: ResolvedOpenAIEngagementOptions
  private readonly client: OpenAI
  private readonly limiter: RequestLimiter
  /** Aborts of the requests and retry waits under way (a signal per request: the SDK never removes its abort listener). */
  private readonly cancels = new Set<() => void>()
  private closed = false

  static validateOptions(options: unknown) {
    validateOpenAIEngagementOptions(options)
  }

  constructor(options: OpenAIEngagementOptions, private readonly logger?: Logger) {
    OpenAIEngagementProvider.validateOptions(options)
    this.options = resolveOptions(options)
    this.client = new OpenAI({
      apiKey: this.options.apiKey,
      baseURL: this.options.baseUrl,
      timeout: this.options.timeoutMs,
      maxRetries: 0,
    })
    this.limiter = new RequestLimiter({
      concurrency: this.options.concurrency,
      requestsPerWindow: this.options.requestsPerMinute,
      tokensPerWindow: this.options.tokensPerMinute,
    })
  }

  async generate<T>(request: GenerationRequest<T>): Promise<GenerationResult<T>> {
    this.assertOpen()
    const maxOutputTokens = request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS
    if (!Number.isInteger(maxOutputTokens) || maxOutputTokens < 1) {
      throw new EngagementGenerationError(`maxOutputTokens must be a positive integer, got ${maxOutputTokens}`, { kind: "bad_request" })
    }
    const responseFormat = responseFormatFor(request.schema, request.schemaName)
    const requestedModel = request.model ?? this.options.model
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: requestedModel,
      messages: [
        { role: "system", content: request.system },
        { role: "user", content: request.prompt },
      ],
      temperature: this.options.temperature,
      max_completion_tokens: maxOutputTokens,
      response_format: responseFormat,
    }
    const budget = this.estimateTokens(request.system + request.prompt + JSON.stringify(responseFormat)) + maxOutputTokens
    const tally: Tally = { attempts: 0, tokensIn: 0, tokensOut: 0, model: requestedModel }
    let reason = ""
    for (let ask = 1; ask <= ASKS; ask++) {
      const completion = await this.complete(body, budget, tally, request)
      const answer = readAnswer(completion.choices[0], request.schema)
      if (answer.ok) return { content: answer.value, model: completion.model || requestedModel, ...this.usage(tally) }
      reason = this.redact(answer.reason, request)
      if (ask < ASKS) this.log(request, `the model's answer did not match the expected format (${reason}); asking again`)
    }
    throw new EngagementGenerationError(`The model's answer did not match the expected format twice (${reason})`, {
      kind: "malformed_output",
      usage: this.usage(tally),
    })
  }

  /** USD for the tokens of a model (dated snapshots priced as their model); 0 for models without a price. */
  costOf(model: string, tokensIn: number, tokensOut: number): number {
    const price = priceOf(this.options.prices, model)
    return price ? (tokensIn * price.inputPerMillion + tokensOut * price.outputPerMillion) / 1_000_000 : 0
  }

  /** A rough token count (about four characters a token), for budgets and the rate limiter. */
  estimateTokens(text: string): number {
    return Math.ceil(text.length / 4)
  }

  /** Aborts requests in flight and waiting ones; later generations fail. Idempotent. */
  close() {
    if (this.closed) return
    this.closed = true
    this.limiter.close(closedError())
    for (const cancel of [...this.cancels]) cancel()
  }

  /** One answered completion: waits for the limiter, retries transient failures. */
  private async complete(
    body: ChatCompletionCreateParamsNonStreaming,
    budget: number,
    tally: Tally,
    request: GenerationRequest<unknown>
  ): Promise<ChatCompletion> {
    const { maxRetries } = this.options
    for (let retry = 0; ; retry++) {
      const release = await this.limiter.acquire(budget)
      tally.attempts++
      let failure: RequestFailure | undefined
      const controller = new AbortController()
      const cancel = () => controller.abort()
      this.cancels.add(cancel)
      const startedAt = Date.now()
      try {
        const completion = await this.client.chat.completions.create(body, { signal: controller.signal })
        tally.tokensIn += completion.usage?.prompt_tokens ?? 0
        tally.tokensOut += completion.usage?.completion_tokens ?? 0
        if (completion.model && priceOf(this.options.prices, completion.model)) tally.model = completion.model
        return completion
      } catch (error) {
        failure = classifyFailure(error, this.options.timeoutMs, Date.now() - startedAt)
        if (!failure) throw error
      } finally {
        this.cancels.delete(cancel)
        release()
      }
      const waitLonger = (failure.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS
      if (!failure.retryable || retry >= maxRetries || waitLonger || this.closed) {
        throw this.failed(failure, tally, request)
      }
      const delay = failure.retryAfterMs ?? backoffMs(retry)
      this.log(request, `${this.redact(failure.detail, request)}; retry ${retry + 1} of ${maxRetries} in ${delay} ms`)
      await this.sleep(delay)
    }
  }

  private usage({ attempts, tokensIn, tokensOut, model }: Tally): GenerationUsage {
    return { tokensIn, tokensOut, costUsd: this.costOf(model, tokensIn, tokensOut), attempts }
  }

  private failed(failure: RequestFailure, tally: Tally, request: GenerationRequest<unknown>): EngagementGenerationError {
    const after = tally.attempts > 1 ? ` after ${tally.attempts} attempts` : ""
    const message = this.closed
      ? "The OpenAI engagement provider was closed"
      : `OpenAI request failed${after}: ${this.redact(failure.detail, request)}`
    return new EngagementGenerationError(message, {
      kind: failure.kind,
      transient: failure.transient,
      status: failure.status,
      retryAfterMs: failure.retryAfterMs,
      usage: this.usage(tally),
      cause: failure.cause,
    })
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const cancel = () => {
        clearTimeout(timer)
        this.cancels.delete(cancel)
        reject(closedError())
      }
      const timer = setTimeout(() => {
        this.cancels.delete(cancel)
        resolve()
      }, ms)
      this.cancels.add(cancel)
    })
  }

  private assertOpen() {
    if (this.closed) throw closedError()
  }

  /** Vendor text may echo what it was sent: keep the key and the prompt out of messages and logs. */
  private redact(text: string, request: GenerationRequest<unknown>): string {
    return safeErrorMessage(new Error(text), [this.options.apiKey, request.prompt, request.system])
  }

  private log(request: GenerationRequest<unknown>, message: string) {
    const correlation = request.correlationId ? ` [correlation_id=${request.correlationId}]` : ""
    this.logger?.warn(`OpenAI engagement provider: ${request.schemaName}: ${message}${correlation}`)
  }
}

function closedError() {
  return new EngagementGenerationError("The OpenAI engagement provider was closed", { kind: "unavailable" })
}
