import type { ChatCompletion } from "openai/resources/chat/completions"
import type { ZodType } from "zod"

export type AnswerCheck<T> = { ok: true; value: T } | { ok: false; reason: string }

const MAX_ISSUES = 3
// Servers without structured output (many local models) sometimes wrap the JSON in a Markdown fence.
const FENCED = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/

/** The answer of a completion checked against the schema, or why it cannot be used. */
export function readAnswer<T>(choice: ChatCompletion.Choice | undefined, schema: ZodType<T>): AnswerCheck<T> {
  if (!choice) return { ok: false, reason: "the server returned no answer" }
  if (choice.message.refusal) return { ok: false, reason: "the model refused to answer" }
  const cutOff = choice.finish_reason === "length"
  const content = choice.message.content?.trim()
  if (!content) return { ok: false, reason: cutOff ? "the answer was cut off at the output token limit" : "the answer was empty" }
  let parsed: unknown
  try {
    parsed = JSON.parse(FENCED.exec(content)?.[1] ?? content)
  } catch {
    return { ok: false, reason: cutOff ? "the answer was cut off at the output token limit" : "the answer is not valid JSON" }
  }
  const result = schema.safeParse(parsed)
  if (result.success) return { ok: true, value: result.data }
  const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
  const more = result.error.issues.length - issues.length
  return { ok: false, reason: issues.join("; ") + (more > 0 ? `; and ${more} more` : "") }
}
