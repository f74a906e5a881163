import { invalidRequest, modelNotFound, OpenAIErrorReply } from "./errors"

/** The parts of a chat completion request the fixture reads. */
export interface ChatRequestBody {
  model: string
  messages: { role: string; content: string | { type: string; text?: string }[] | null }[]
  temperature?: number
  max_tokens?: number
  max_completion_tokens?: number
  n?: number
  response_format?: { type: "text" } | { type: "json_object" } | ResponseFormatJsonSchema
  [key: string]: unknown
}

export interface ResponseFormatJsonSchema {
  type: "json_schema"
  json_schema: { name: string; schema?: Record<string, unknown>; strict?: boolean | null; description?: string }
}

const KNOWN_PARAMS = new Set([
  "model", "messages", "temperature", "top_p", "n", "stream", "stream_options", "stop", "max_tokens",
  "max_completion_tokens", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "user",
  "seed", "tools", "tool_choice", "parallel_tool_calls", "response_format", "store", "metadata", "service_tier",
  "modalities", "audio", "prediction", "reasoning_effort", "verbosity", "prompt_cache_key", "safety_identifier",
  "web_search_options", "functions", "function_call",
])
const ROLES = ["system", "assistant", "user", "function", "tool", "developer"]
// What Structured Outputs' strict mode does not accept (`anyOf`, `enum`, `pattern`, `format`, `minimum`… it does).
const NOT_PERMITTED_IN_STRICT = [
  "default", "minLength", "maxLength", "allOf", "oneOf", "not", "if", "then", "else", "patternProperties",
  "propertyNames", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains",
  "prefixItems", "minProperties", "maxProperties", "uniqueItems",
]

const typeName = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)

/** Checks a chat completion request as the API does, with its wording; undefined when it is acceptable. */
export function validateChatRequest(body: unknown, models: Set<string>): OpenAIErrorReply | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return invalidRequest("We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.")
  }
  const request = body as Record<string, unknown>
  const unknown = Object.keys(request).find((key) => !KNOWN_PARAMS.has(key))
  if (unknown) return invalidRequest(`Unrecognized request argument supplied: ${unknown}`)
  if (typeof request.model !== "string" || !request.model) return invalidRequest("you must provide a model parameter")
  if (!models.has(request.model)) return modelNotFound(request.model)
  return (
    checkMessages(request.messages) ??
    checkNumber(request, "temperature", 0, 2, false) ??
    checkNumber(request, "top_p", 0, 1, false) ??
    checkNumber(request, "max_tokens", 1, Infinity, true) ??
    checkNumber(request, "max_completion_tokens", 1, Infinity, true) ??
    checkNumber(request, "n", 1, 128, true) ??
    (request.stream ? invalidRequest("This fixture does not stream; send stream: false.", "stream", "unsupported_value") : undefined) ??
    checkResponseFormat(request.response_format, request.messages as ChatRequestBody["messages"])
  )
}

function checkMessages(messages: unknown): OpenAIErrorReply | undefined {
  if (messages === undefined) return invalidRequest("Missing required parameter: 'messages'.", "messages", "missing_required_parameter")
  if (!Array.isArray(messages)) {
    return invalidRequest(`Invalid type for 'messages': expected an array of objects, but got ${typeName(messages)} instead.`, "messages", "invalid_type")
  }
  if (!messages.length) {
    return invalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "messages", "empty_array")
  }
  for (const [index, message] of messages.entries()) {
    const param = `messages[${index}]`
    if (!message || typeof message !== "object") {
      return invalidRequest(`Invalid type for '${param}': expected an object, but got ${typeName(message)} instead.`, param, "invalid_type")
    }
    if (!ROLES.includes(message.role)) {
      const supported = ROLES.map((role) => `'${role}'`)
      return invalidRequest(
        `Invalid value: '${message.role}'. Supported values are: ${supported.slice(0, -1).join(", ")}, and ${supported.at(-1)}.`,
        `${param}.role`,
        "invalid_value"
      )
    }
    const content = message.content
    if (content === undefined && message.role !== "assistant") {
      return invalidRequest(`Missing required parameter: '${param}.content'.`, `${param}.content`, "missing_required_parameter")
    }
    if (content !== undefined && content !== null && typeof content !== "string" && !Array.isArray(content)) {
      return invalidRequest(
        `Invalid type for '${param}.content': expected one of a string or array of objects, but got ${typeName(content)} instead.`,
        `${param}.content`,
        "invalid_type"
      )
    }
  }
  return undefined
}

function checkNumber(request: Record<string, unknown>, name: string, min: number, max: number, integer: boolean): OpenAIErrorReply | undefined {
  const value = request[name]
  if (value === undefined || value === null) return undefined
  const kind = integer ? "integer" : "decimal"
  if (typeof value !== "number" || (integer && !Number.isInteger(value))) {
    return invalidRequest(`Invalid type for '${name}': expected ${integer ? "an integer" : "a decimal"}, but got ${typeName(value)} instead.`, name, "invalid_type")
  }
  if (value < min) {
    return invalidRequest(`Invalid '${name}': ${kind} below minimum value. Expected a value >= ${min}, but got ${value} instead.`, name, `${kind}_below_min_value`)
  }
  if (value > max) {
    return invalidRequest(`Invalid '${name}': ${kind} above maximum value. Expected a value <= ${max}, but got ${value} instead.`, name, `${kind}_above_max_value`)
  }
  return undefined
}

function checkResponseFormat(format: unknown, messages: ChatRequestBody["messages"]): OpenAIErrorReply | undefined {
  if (format === undefined || format === null) return undefined
  const type = (format as { type?: unknown }).type
  if (!["text", "json_object", "json_schema"].includes(type as string)) {
    return invalidRequest(
      `Invalid value: '${String(type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`,
      "response_format.type",
      "invalid_value"
    )
  }
  if (type === "json_object" && !messages.some((message) => /json/i.test(JSON.stringify(message.content ?? "")))) {
    return invalidRequest("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", "messages")
  }
  if (type !== "json_schema") return undefined
  const spec = (format as ResponseFormatJsonSchema).json_schema
  if (!spec || typeof spec !== "object") {
    return invalidRequest("Missing required parameter: 'response_format.json_schema'.", "response_format.json_schema", "missing_required_parameter")
  }
  if (typeof spec.name !== "string" || !/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
    return invalidRequest(
      "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
      "response_format.json_schema.name",
      "invalid_value"
    )
  }
  if (spec.schema !== undefined && (!spec.schema || typeof spec.schema !== "object")) {
    return invalidRequest(`Invalid type for 'response_format.json_schema.schema': expected an object.`, "response_format.json_schema.schema", "invalid_type")
  }
  const problem = spec.strict && spec.schema ? strictSchemaProblem(spec.schema) : undefined
  return problem ? invalidRequest(`Invalid schema for response_format '${spec.name}': ${problem}`, "response_format") : undefined
}

/** Why Structured Outputs' strict mode would refuse a schema, in the API's words. */
export function strictSchemaProblem(schema: Record<string, unknown>): string | undefined {
  if (schema.type !== "object") return `schema must be a JSON Schema of 'type: "object"', got 'type: "${String(schema.type)}"'.`
  return nodeProblem(schema, [])
}

function nodeProblem(node: Record<string, unknown>, context: string[]): string | undefined {
  const where = `In context=(${context.map((part) => `'${part}'`).join(", ")}${context.length === 1 ? "," : ""})`
  const forbidden = NOT_PERMITTED_IN_STRICT.find((keyword) => keyword in node)
  if (forbidden) return `${where}, '${forbidden}' is not permitted.`
  if (node.type === "object" || node.properties) {
    if (node.additionalProperties !== false) return `${where}, 'additionalProperties' is required to be supplied and to be false.`
    const keys = Object.keys((node.properties as object) ?? {})
    const required = Array.isArray(node.required) ? node.required : []
    const missing = keys.find((key) => !required.includes(key))
    if (missing) return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`
  }
  const nested: [string[], unknown][] = [
    ...Object.entries((node.properties as object) ?? {}).map(([key, child]): [string[], unknown] => [[...context, "properties", key], child]),
    ...Object.entries((node.$defs as object) ?? {}).map(([key, child]): [string[], unknown] => [[...context, "$defs", key], child]),
    ...((node.anyOf as unknown[]) ?? []).map((child, index): [string[], unknown] => [[...context, "anyOf", String(index)], child]),
    [[...context, "items"], node.items],
  ]
  for (const [path, child] of nested) {
    if (child && typeof child === "object") {
      const problem = nodeProblem(child as Record<string, unknown>, path)
      if (problem) return problem
    }
  }
  return undefined
}
