import { z, type ZodType } from "zod"
import { EngagementGenerationError } from "./errors"

export interface JsonSchemaResponseFormat {
  type: "json_schema"
  json_schema: { name: string; schema: Record<string, unknown>; strict: boolean }
}

type Node = Record<string, unknown>

// Structured Outputs in strict mode accept a subset of JSON Schema; a schema using any of these is sent non-strict.
const UNSUPPORTED_IN_STRICT = [
  "allOf", "oneOf", "not", "if", "then", "else", "patternProperties", "propertyNames", "dependentRequired",
  "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains", "prefixItems", "minProperties",
  "maxProperties", "uniqueItems",
]
const SCHEMA_NAME = /^[a-zA-Z0-9_-]{1,64}$/
const cache = new WeakMap<ZodType, { schema: Node; strict: boolean }>()

/**
 * The `response_format` for a zod schema. Strict mode when OpenAI's strict subset can express it
 * (every property required, no open objects); otherwise the schema still guides the model and zod
 * checks the answer. Length limits strict mode rejects become description hints, and zod's
 * integer sentinels and `default`s (not permitted) are dropped.
 */
export function responseFormatFor(schema: ZodType, name: string): JsonSchemaResponseFormat {
  if (!SCHEMA_NAME.test(name)) {
    throw new EngagementGenerationError(`schemaName "${name}" must be 1–64 characters of a-z, A-Z, 0-9, _ and -`, { kind: "bad_request" })
  }
  let converted = cache.get(schema)
  if (!converted) {
    converted = convert(schema, name)
    cache.set(schema, converted)
  }
  return { type: "json_schema", json_schema: { name, ...converted } }
}

function convert(schema: ZodType, name: string): { schema: Node; strict: boolean } {
  let json: Node
  try {
    // The model writes what the schema parses, so describe its input side.
    json = z.toJSONSchema(schema, { io: "input" }) as Node
  } catch (error) {
    throw new EngagementGenerationError(`The schema "${name}" cannot be expressed as JSON Schema: ${(error as Error).message}`, {
      kind: "bad_request",
      cause: error,
    })
  }
  delete json.$schema
  const state = { strict: json.type === "object" }
  tidy(json, state)
  return { schema: json, strict: state.strict }
}

function tidy(node: Node, state: { strict: boolean }) {
  delete node.default
  if (node.minimum === -Number.MAX_SAFE_INTEGER) delete node.minimum
  if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum
  const characters = (count: number) => `${count} character${count === 1 ? "" : "s"}.`
  const hints = [
    typeof node.minLength === "number" && `At least ${characters(node.minLength)}`,
    typeof node.maxLength === "number" && `At most ${characters(node.maxLength)}`,
  ].filter(Boolean)
  if (hints.length) {
    node.description = [node.description, ...hints].filter(Boolean).join(" ")
    delete node.minLength
    delete node.maxLength
  }
  if (UNSUPPORTED_IN_STRICT.some((keyword) => keyword in node)) state.strict = false
  if (node.type === "object" || node.properties) {
    const keys = Object.keys((node.properties as Node) ?? {})
    const required = new Set((node.required as string[]) ?? [])
    if (keys.some((key) => !required.has(key))) state.strict = false
    if (node.additionalProperties === undefined) node.additionalProperties = false
    else if (node.additionalProperties !== false) state.strict = false
  }
  for (const child of children(node)) tidy(child, state)
}

function children(node: Node): Node[] {
  const nested = [
    ...Object.values((node.properties as Node) ?? {}),
    ...Object.values((node.$defs as Node) ?? {}),
    ...Object.values((node.definitions as Node) ?? {}),
    ...((node.anyOf as Node[]) ?? []),
    ...((node.oneOf as Node[]) ?? []),
    ...((node.allOf as Node[]) ?? []),
    ...(Array.isArray(node.items) ? node.items : [node.items]),
    node.additionalProperties,
    node.not,
  ]
  return nested.filter((child): child is Node => !!child && typeof child === "object")
}
