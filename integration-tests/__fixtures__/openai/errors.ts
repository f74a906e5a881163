import { STATUS_CODES } from "http"

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

export interface OpenAIErrorReply {
  status: number
  body: OpenAIErrorBody
  headers?: Record<string, string>
}

export function openAIError(message: string, type: string, param: string | null = null, code: string | null = null): OpenAIErrorBody {
  return { error: { message, type, param, code } }
}

export const invalidRequest = (message: string, param: string | null = null, code: string | null = null): OpenAIErrorReply => ({
  status: 400,
  body: openAIError(message, "invalid_request_error", param, code),
})

export const modelNotFound = (model: string): OpenAIErrorReply => ({
  status: 404,
  body: openAIError(`The model \`${model}\` does not exist or you do not have access to it.`, "invalid_request_error", null, "model_not_found"),
})

export function missingKey(): OpenAIErrorBody {
  return openAIError(
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth " +
      "(i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
    "invalid_request_error",
    null,
    "invalid_api_key"
  )
}

/** Like OpenAI, shows only the ends of a wrong key. */
export function incorrectKey(key: string): OpenAIErrorBody {
  const masked = key.length > 8 ? `${key.slice(0, 3)}${"*".repeat(key.length - 7)}${key.slice(-4)}` : "*".repeat(key.length)
  return openAIError(
    `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    "invalid_request_error",
    null,
    "invalid_api_key"
  )
}

export interface RateLimitState {
  model: string
  limit: number
  resetMs: number
}

export function rateLimitBody({ model, limit, resetMs }: RateLimitState): OpenAIErrorBody {
  const seconds = (resetMs / 1000).toFixed(3).replace(/\.?0+$/, "")
  return openAIError(
    `Rate limit reached for ${model} in organization org-fixture on requests per min (RPM): Limit ${limit}, Used ${limit}, ` +
      `Requested 1. Please try again in ${seconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    "requests",
    null,
    "rate_limit_exceeded"
  )
}

/** `x-ratelimit-*` headers OpenAI sends with every answer (requests only; tokens are not metered here). */
export function rateLimitHeaders(limit: number, remaining: number, resetMs: number): Record<string, string> {
  return {
    "x-ratelimit-limit-requests": String(limit),
    "x-ratelimit-remaining-requests": String(Math.max(0, remaining)),
    "x-ratelimit-reset-requests": resetMs >= 1000 ? `${(resetMs / 1000).toFixed(3).replace(/\.?0+$/, "")}s` : `${Math.ceil(resetMs)}ms`,
  }
}

/** The body OpenAI sends with a status, for scripted faults without one. */
export function defaultFaultBody(status: number, model = "gpt-4o-mini"): OpenAIErrorBody {
  switch (status) {
    case 401:
      return incorrectKey("sk-revoked-key")
    case 403:
      return openAIError("You are not allowed to sample from this model", "invalid_request_error", null, "model_not_allowed")
    case 404:
      return modelNotFound(model).body
    case 429:
      return rateLimitBody({ model, limit: 1, resetMs: 1000 })
    case 500:
      return openAIError("The server had an error while processing your request. Sorry about that!", "server_error")
    case 502:
      return openAIError("Bad gateway.", "cf_bad_gateway")
    case 503:
      return openAIError("The engine is currently overloaded, please try again later.", "server_error", null, "engine_overloaded")
    default:
      return openAIError(STATUS_CODES[status] ?? "Error", status >= 500 ? "server_error" : "invalid_request_error")
  }
}
