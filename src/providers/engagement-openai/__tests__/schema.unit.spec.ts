import { z } from "zod"
import { strictSchemaProblem } from "../../../../integration-tests/__fixtures__/openai/validate"
import { readAnswer } from "../answer"
import { EngagementGenerationError } from "../errors"
import { responseFormatFor } from "../json-schema"

describe("responseFormatFor", () => {
  it("sends a fully required object schema in strict mode, in the subset strict mode accepts", () => {
    const schema = z.object({
      title: z.string().min(10).max(60).describe("SEO title"),
      count: z.number().int(),
      tone: z.enum(["warm", "formal"]),
      tags: z.array(z.string()).max(5),
      meta: z.object({ keywords: z.array(z.string()) }),
    })

    const format = responseFormatFor(schema, "seo")

    expect(format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "seo",
        strict: true,
        schema: {
          type: "object",
          properties: {
            title: { type: "string", description: "SEO title At least 10 characters. At most 60 characters." },
            count: { type: "integer" },
            tone: { type: "string", enum: ["warm", "formal"] },
            tags: { type: "array", maxItems: 5, items: { type: "string" } },
            meta: {
              type: "object",
              properties: { keywords: { type: "array", items: { type: "string" } } },
              required: ["keywords"],
              additionalProperties: false,
            },
          },
          required: ["title", "count", "tone", "tags", "meta"],
          additionalProperties: false,
        },
      },
    })
    expect(strictSchemaProblem(format.json_schema.schema)).toBeUndefined()
  })

  it.each([
    ["an optional property", z.object({ title: z.string(), subtitle: z.string().optional() })],
    ["a defaulted property", z.object({ title: z.string(), locale: z.string().default("en") })],
    ["an open record", z.object({ attributes: z.record(z.string(), z.string()) })],
    ["a non-object root", z.array(z.string())],
  ])("falls back to non-strict for %s, still describing the shape", (_case, schema) => {
    const format = responseFormatFor(schema as z.ZodType, "copy")
    expect(format.json_schema.strict).toBe(false)
    expect(format.json_schema.schema).not.toHaveProperty("$schema")
    expect(JSON.stringify(format.json_schema.schema)).not.toContain('"default"')
  })

  it("words a one-character limit in the singular", () => {
    const format = responseFormatFor(z.object({ code: z.string().min(1).max(1) }), "one")
    expect(format.json_schema.schema.properties).toEqual({ code: { type: "string", description: "At least 1 character. At most 1 character." } })
  })

  it("rejects a bad name and a schema JSON Schema cannot express", () => {
    expect(() => responseFormatFor(z.object({}), "has space")).toThrow(EngagementGenerationError)
    expect(() => responseFormatFor(z.object({ at: z.date() }), "dated")).toThrow('The schema "dated" cannot be expressed as JSON Schema')
  })
})

describe("readAnswer", () => {
  const schema = z.object({ title: z.string(), bullets: z.array(z.string()).min(1) })
  const choice = (content: string | null, extra: { refusal?: string; finish_reason?: "stop" | "length" } = {}) =>
    ({
      index: 0,
      message: { role: "assistant", content, refusal: extra.refusal ?? null },
      finish_reason: extra.finish_reason ?? "stop",
      logprobs: null,
    }) as never

  it("parses JSON, also inside a Markdown fence", () => {
    expect(readAnswer(choice('{"title":"T","bullets":["a"]}'), schema)).toEqual({ ok: true, value: { title: "T", bullets: ["a"] } })
    expect(readAnswer(choice('```json\n{"title":"T","bullets":["a"]}\n```'), schema)).toMatchObject({ ok: true })
  })

  it("names why an answer cannot be used", () => {
    expect(readAnswer(undefined, schema)).toEqual({ ok: false, reason: "the server returned no answer" })
    expect(readAnswer(choice(null, { refusal: "No." }), schema)).toEqual({ ok: false, reason: "the model refused to answer" })
    expect(readAnswer(choice(""), schema)).toEqual({ ok: false, reason: "the answer was empty" })
    expect(readAnswer(choice('{"title":'), schema)).toEqual({ ok: false, reason: "the answer is not valid JSON" })
    expect(readAnswer(choice('{"title":', { finish_reason: "length" }), schema)).toEqual({
      ok: false,
      reason: "the answer was cut off at the output token limit",
    })
    expect(readAnswer(choice('{"bullets":[]}'), schema)).toEqual({
      ok: false,
      reason: "title: Invalid input: expected string, received undefined; bullets: Too small: expected array to have >=1 items",
    })
  })
})
