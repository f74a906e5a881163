import type { ChatRequestBody } from "./validate"

type Schema = Record<string, unknown>

/** What the "model" says: content (or a refusal) and why it stopped. */
export interface ModelAnswer {
  content: string | null
  refusal: string | null
  finishReason: "stop" | "length"
}

export type MalformedKind = "not_json" | "missing_fields" | "truncated" | "refusal"

/** The text of every message, as the API counts it. */
export function messageText(body: ChatRequestBody): string {
  return body.messages
    .map(({ content }) => (typeof content === "string" ? content : (content ?? []).map((part) => part.text ?? "").join("")))
    .join("")
}

/**
 * What a product the prompt is about is called: a `title:` / `name:` line, else the first line of
 * the last user message (at most 60 characters).
 */
export function subjectOf(body: ChatRequestBody): string {
  const user = [...body.messages].reverse().find((message) => message.role === "user")
  const text = user ? messageText({ ...body, messages: [user] }) : ""
  const labelled = /^\s*(?:product\s+)?(?:title|name)\s*[:=]\s*["']?(.+?)["']?\s*$/im.exec(text)
  return (labelled?.[1] ?? text.split("\n").find((line) => line.trim()) ?? "the product").trim().slice(0, 60)
}

/** The deterministic answer: JSON filled from the request's schema, or text for a plain chat. */
export function defaultAnswer(body: ChatRequestBody): unknown {
  const subject = subjectOf(body)
  const format = body.response_format
  if (format?.type === "json_schema" && format.json_schema.schema) {
    const root = format.json_schema.schema
    return sample(root, root, subject, "")
  }
  if (format?.type === "json_object") return { answer: `Answer about ${subject}` }
  return `Fixture answer about ${subject}.`
}

/** A broken version of the default answer. */
export function malformedAnswer(body: ChatRequestBody, kind: MalformedKind): ModelAnswer {
  const answer = defaultAnswer(body)
  const json = typeof answer === "string" ? answer : JSON.stringify(answer)
  switch (kind) {
    case "refusal":
      return { content: null, refusal: "I'm sorry, but I can't help with that request.", finishReason: "stop" }
    case "truncated":
      return { content: json.slice(0, Math.max(1, Math.floor(json.length / 2))), refusal: null, finishReason: "length" }
    case "missing_fields": {
      const schema = body.response_format?.type === "json_schema" ? body.response_format.json_schema.schema : undefined
      const dropped = ((schema?.required as string[] | undefined) ?? [])[0]
      const partial = answer && typeof answer === "object" ? { ...(answer as object) } : {}
      if (dropped) delete (partial as Record<string, unknown>)[dropped]
      return { content: JSON.stringify(partial), refusal: null, finishReason: "stop" }
    }
    default:
      return { content: `Sure! Here is the JSON you asked for: ${json.slice(0, 20)}`, refusal: null, finishReason: "stop" }
  }
}

function resolve(node: Schema, root: Schema): Schema {
  const ref = node.$ref
  if (typeof ref !== "string") return node
  if (ref === "#") return root
  const [, group, name] = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref) ?? []
  return ((root[group] as Record<string, Schema> | undefined)?.[name] as Schema) ?? {}
}

const FORMATTED: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "12:00:00",
  email: "fixture@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  uuid: "00000000-0000-4000-8000-000000000000",
}

const humanize = (key: string) => (key ? key.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() : "text")

/** A value matching `node`: strings from the subject, numbers 1 (within bounds), one array item. */
function sample(raw: Schema, root: Schema, subject: string, key: string): unknown {
  const node = resolve(raw, root)
  if ("const" in node) return node.const
  if (Array.isArray(node.enum)) return node.enum[0]
  const options = (node.anyOf ?? node.oneOf) as Schema[] | undefined
  if (options?.length) return sample(options.find((option) => option.type !== "null") ?? options[0], root, subject, key)
  const type = Array.isArray(node.type) ? node.type.find((candidate) => candidate !== "null") : node.type
  switch (type ?? (node.properties ? "object" : node.items ? "array" : "string")) {
    case "object":
      return Object.fromEntries(
        Object.entries((node.properties as Record<string, Schema>) ?? {}).map(([name, child]) => [name, sample(child, root, subject, name)])
      )
    case "array": {
      const count = Math.max(typeof node.minItems === "number" ? node.minItems : 1, 0)
      const limited = typeof node.maxItems === "number" ? Math.min(count, node.maxItems) : count
      return Array.from({ length: limited }, () => sample((node.items as Schema) ?? {}, root, subject, key))
    }
    case "number":
    case "integer":
      return clamp(node)
    case "boolean":
      return true
    case "null":
      return null
    default:
      return text(node, subject, key)
  }
}

function clamp(node: Schema): number {
  let value = 1
  if (typeof node.minimum === "number") value = Math.max(value, node.minimum)
  if (typeof node.exclusiveMinimum === "number") value = Math.max(value, node.exclusiveMinimum + 1)
  if (typeof node.maximum === "number") value = Math.min(value, node.maximum)
  if (typeof node.exclusiveMaximum === "number") value = Math.min(value, node.exclusiveMaximum - 1)
  return node.type === "integer" ? Math.ceil(value) : value
}

function text(node: Schema, subject: string, key: string): string {
  if (typeof node.format === "string" && FORMATTED[node.format]) return FORMATTED[node.format]
  let value = `${humanize(key)} for ${subject}`
  // A schema sent in strict mode carries its length limits as description hints, which a model follows.
  const hint = (pattern: RegExp) => Number(pattern.exec(String(node.description ?? ""))?.[1] ?? NaN)
  const min = typeof node.minLength === "number" ? node.minLength : hint(/at least (\d+) characters?/i) || 0
  const max = typeof node.maxLength === "number" ? node.maxLength : hint(/at most (\d+) characters?/i) || Infinity
  if (value.length < min) value = value.padEnd(min, ".")
  return value.slice(0, max)
}
