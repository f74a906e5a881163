import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "http"
import { readBody, startLocalServer } from "../../helpers/local-server"
import { FaultScript, ScriptedFault } from "../fault-script"
import { defaultAnswer, malformedAnswer, MalformedKind, messageText, ModelAnswer } from "./answer"
import { answerEmbeddings, EmbeddingsRequestBody, tokensOf } from "./embeddings"
import { defaultFaultBody, incorrectKey, missingKey, openAIError, rateLimitBody, rateLimitHeaders } from "./errors"
import { ChatRequestBody, validateChatRequest } from "./validate"

export type { ScriptedFault }

export interface OpenAIFixtureOptions {
  port?: number
  latencyMs?: number
  /** The key accepted as `Authorization: Bearer <key>`. @defaultValue "sk-test" */
  apiKey?: string
  /** Models that exist (others answer 404 model_not_found). @defaultValue gpt-4o-mini, gpt-4o, gpt-4.1-mini */
  models?: string[]
  /** A built-in rate limit: more than `requestsPerMinute` chat completions in a rolling `windowMs` answer 429. */
  rateLimit?: { requestsPerMinute: number; windowMs?: number }
}

export interface OpenAIRecordedRequest {
  /** The parsed JSON body (the raw text when it was not JSON). */
  body: ChatRequestBody
  /** Request headers without `authorization`. */
  headers: IncomingHttpHeaders
  /** The status the fixture answered (0 while the request is in flight). */
  status: number
  receivedAt: Date
}

export type Responder = (request: ChatRequestBody) => object | string

export interface OpenAIFixture {
  /** Base URL for the SDK's `baseURL`, ending in /v1. */
  url: string
  apiKey: string
  /** Every `POST /v1/chat/completions` received (rejected ones included), oldest first. */
  requests: OpenAIRecordedRequest[]
  readonly requestCount: number
  /** Chat completions being answered right now, and the most at once since start / reset. */
  readonly inFlight: number
  readonly maxInFlight: number
  /** Every `POST /v1/embeddings` received (rejected ones included), oldest first. */
  embeddingRequests: { body: EmbeddingsRequestBody; status: number; receivedAt: Date }[]
  /** Inputs and tokens of the embeddings answered with 200 since start / reset. */
  readonly embeddedInputs: number
  readonly embeddingTokens: number
  /** Scripts the JSON content (object) or raw content (string) the "model" answers; undefined restores the default. */
  respondWith(responder: Responder | undefined): void
  /** The next `count` chat completions fail with `fault` (body default: OpenAI's error for that status). */
  failNext(count: number, fault: ScriptedFault): void
  /** The next `count` answers are broken: not JSON (default), missing a required field, cut off, or a refusal. */
  malformedNext(count: number, kind?: MalformedKind): void
  setLatency(ms: number): void
  /** Clears requests, scripted answers and faults, the in-flight peak and the rate-limit window; latency goes back to `latencyMs`. */
  reset(): void
  close(): Promise<void>
}

const DEFAULT_MODELS = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"]
const MODEL_CREATED = 1_700_000_000

/** A local imitation of the OpenAI API subset chat-completion clients use, for the official `openai` SDK. */
export async function startOpenAIFixture(options: OpenAIFixtureOptions = {}): Promise<OpenAIFixture> {
  const apiKey = options.apiKey ?? "sk-test"
  const models = new Set(options.models ?? DEFAULT_MODELS)
  const requests: OpenAIRecordedRequest[] = []
  const script = new FaultScript()
  const malformed: MalformedKind[] = []
  let responder: Responder | undefined
  let started: number[] = []
  let inFlight = 0
  let maxInFlight = 0
  let completions = 0
  const embeddingRequests: OpenAIFixture["embeddingRequests"] = []
  let embeddedInputs = 0
  let embeddingTokens = 0
  script.setLatency(options.latencyMs ?? 0)

  const server = await startLocalServer((req, res) => {
    handle(req, res).catch((error) => reply(res, 500, openAIError(String(error), "server_error")))
  }, options.port)

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = (await readBody(req)).toString("utf8")
    const path = new URL(req.url!, "http://fixture").pathname.replace(/\/+$/, "")
    const chat = req.method === "POST" && path === "/v1/chat/completions"
    const record: OpenAIRecordedRequest | undefined = chat
      ? { body: parseJson(raw) as ChatRequestBody, headers: withoutKey(req.headers), status: 0, receivedAt: new Date() }
      : undefined
    if (record) {
      requests.push(record)
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      res.once("close", () => inFlight--)
      res.once("finish", () => (record.status = res.statusCode))
    }
    await script.delay()
    const authorization = req.headers.authorization
    if (!authorization?.startsWith("Bearer ")) return reply(res, 401, missingKey())
    if (authorization.slice("Bearer ".length) !== apiKey) return reply(res, 401, incorrectKey(authorization.slice("Bearer ".length)))
    if (req.method === "GET" && path === "/v1/models") {
      return reply(res, 200, { object: "list", data: [...models].map(modelObject) })
    }
    const modelRoute = /^\/v1\/models\/(.+)$/.exec(path)
    if (req.method === "GET" && modelRoute) {
      const id = decodeURIComponent(modelRoute[1])
      if (!models.has(id)) return reply(res, 404, openAIError(`The model '${id}' does not exist`, "invalid_request_error", "model", "model_not_found"))
      return reply(res, 200, modelObject(id))
    }
    if (req.method === "POST" && path === "/v1/embeddings") return answerEmbeddingsRequest(parseJson(raw) as EmbeddingsRequestBody, res)
    if (!record) return reply(res, 404, openAIError(`Invalid URL (${req.method} ${path})`, "invalid_request_error"))
    answerChat(record.body, res)
  }

  /** Embeddings share the scripted faults (429 + Retry-After, 5xx) with chat completions. */
  function answerEmbeddingsRequest(body: EmbeddingsRequestBody, res: ServerResponse) {
    const record = { body, status: 0, receivedAt: new Date() }
    embeddingRequests.push(record)
    res.once("finish", () => (record.status = res.statusCode))
    const fault = script.take()
    if (fault) {
      const headers = fault.status === 429 ? { ...rateLimitHeaders(1, 0, 1000), ...fault.headers } : fault.headers
      return reply(res, fault.status, fault.body ?? defaultFaultBody(fault.status, String(body?.model ?? "text-embedding-3-small")), headers)
    }
    const answer = answerEmbeddings(body)
    if (answer.status === 200) {
      const inputs = typeof body.input === "string" ? [body.input] : (body.input as string[])
      embeddedInputs += inputs.length
      embeddingTokens += inputs.reduce((sum, input) => sum + tokensOf(input), 0)
    }
    reply(res, answer.status, answer.body, "headers" in answer ? answer.headers : {})
  }

  function answerChat(body: ChatRequestBody, res: ServerResponse) {
    const fault = script.take()
    const model = typeof body?.model === "string" ? body.model : "gpt-4o-mini"
    if (fault) {
      const headers = fault.status === 429 ? { ...rateLimitHeaders(1, 0, 1000), ...fault.headers } : fault.headers
      const faultBody = fault.body ?? defaultFaultBody(fault.status, model)
      return typeof faultBody === "string"
        ? void res.writeHead(fault.status, { "content-type": "text/plain", ...headers }).end(faultBody)
        : reply(res, fault.status, faultBody, headers)
    }
    const invalid = validateChatRequest(body, models)
    if (invalid) return reply(res, invalid.status, invalid.body, invalid.headers)
    const limit = options.rateLimit
    let limitHeaders: Record<string, string> = {}
    if (limit) {
      const windowMs = limit.windowMs ?? 60_000
      const now = Date.now()
      started = started.filter((at) => at > now - windowMs)
      const resetMs = started.length ? started[0] + windowMs - now : 0
      if (started.length >= limit.requestsPerMinute) {
        const headers = { "retry-after": String(Math.max(1, Math.ceil(resetMs / 1000))), ...rateLimitHeaders(limit.requestsPerMinute, 0, resetMs) }
        return reply(res, 429, rateLimitBody({ model, limit: limit.requestsPerMinute, resetMs }), headers)
      }
      started.push(now)
      limitHeaders = rateLimitHeaders(limit.requestsPerMinute, limit.requestsPerMinute - started.length, resetMs || windowMs)
    }
    reply(res, 200, completion(body, nextAnswer(body)), limitHeaders)
  }

  function nextAnswer(body: ChatRequestBody): ModelAnswer {
    const kind = malformed.shift()
    if (kind) return malformedAnswer(body, kind)
    const content = responder ? responder(body) : defaultAnswer(body)
    return { content: typeof content === "string" ? content : JSON.stringify(content), refusal: null, finishReason: "stop" }
  }

  function completion(body: ChatRequestBody, answer: ModelAnswer) {
    completions++
    const promptTokens = Math.ceil(messageText(body).length / 4)
    const completionTokens = Math.ceil((answer.content ?? answer.refusal ?? "").length / 4)
    return {
      id: `chatcmpl-fixture${String(completions).padStart(6, "0")}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: Array.from({ length: body.n ?? 1 }, (_, index) => ({
        index,
        message: { role: "assistant", content: answer.content, refusal: answer.refusal, annotations: [] },
        logprobs: null,
        finish_reason: answer.finishReason,
      })),
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: "default",
      system_fingerprint: "fp_fixture",
    }
  }

  return {
    url: `${server.url}/v1`,
    apiKey,
    requests,
    get requestCount() {
      return requests.length
    },
    get inFlight() {
      return inFlight
    },
    get maxInFlight() {
      return maxInFlight
    },
    embeddingRequests,
    get embeddedInputs() {
      return embeddedInputs
    },
    get embeddingTokens() {
      return embeddingTokens
    },
    respondWith: (next) => (responder = next),
    failNext: (count, fault) => script.failNext(count, fault),
    malformedNext: (count, kind = "not_json") => malformed.push(...Array.from({ length: count }, () => kind)),
    setLatency: (ms) => script.setLatency(ms),
    reset() {
      requests.length = 0
      embeddingRequests.length = 0
      embeddedInputs = 0
      embeddingTokens = 0
      server.requests.length = 0
      malformed.length = 0
      responder = undefined
      started = []
      maxInFlight = inFlight
      script.reset()
      script.setLatency(options.latencyMs ?? 0)
    },
    close: () => server.close(),
  }
}

let requestIds = 0

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return // the client gave up (timeout) while the fixture was waiting
  requestIds++
  res.writeHead(status, {
    "content-type": "application/json",
    "x-request-id": `req_fixture${String(requestIds).padStart(8, "0")}`,
    "openai-processing-ms": "1",
    ...headers,
  })
  res.end(JSON.stringify(body))
}

function modelObject(id: string) {
  return { id, object: "model", created: MODEL_CREATED, owned_by: "system" }
}

function withoutKey(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { authorization: _key, ...rest } = headers
  return rest
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
