/**
 * Drives integration-tests/__fixtures__/openai.ts with the official, unmodified `openai` SDK (and raw
 * fetch where the exact HTTP answer matters).
 */
import OpenAI from "openai"
import { OpenAIFixture, startOpenAIFixture } from "../../../../integration-tests/__fixtures__/openai"
import { openai as openaiIntegration } from "../../../modules/bridge/integrations/openai"

let fixture: OpenAIFixture
beforeAll(async () => {
  fixture = await startOpenAIFixture()
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const client = (apiKey = "sk-test") => new OpenAI({ apiKey, baseURL: fixture.url, maxRetries: 0 })
const caught = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error("expected a rejection")), (error) => error)

const productSchema = {
  type: "object",
  properties: {
    title: { type: "string" },
    rating: { type: "integer", minimum: 3 },
    tags: { type: "array", items: { type: "string" } },
    tone: { type: "string", enum: ["warm", "formal"] },
    seo: { $ref: "#/$defs/seo" },
    published: { type: "string", format: "date" },
    subtitle: { anyOf: [{ type: "null" }, { type: "string", description: "At most 12 characters." }] },
  },
  required: ["title", "rating", "tags", "tone", "seo", "published", "subtitle"],
  additionalProperties: false,
  $defs: {
    seo: {
      type: "object",
      properties: { keywords: { type: "array", items: { type: "string" } }, indexed: { type: "boolean" } },
      required: ["keywords", "indexed"],
      additionalProperties: false,
    },
  },
}

const structured = (prompt: string, schema: Record<string, unknown> = productSchema, strict = true) =>
  client().chat.completions.create({
    model: "gpt-4o-mini",
    messages: [
      { role: "system", content: "Write copy." },
      { role: "user", content: prompt },
    ],
    response_format: { type: "json_schema", json_schema: { name: "product", schema, strict } },
  })

async function rawChat(body: unknown, headers: Record<string, string> = { authorization: "Bearer sk-test" }) {
  const response = await fetch(`${fixture.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } }
}

describe("OpenAI fixture driven by the openai SDK", () => {
  it("answers a chat.completion built deterministically from the request's json_schema", async () => {
    const completion = await structured("Product title: Linen Shirt\nColour: sand")

    expect(completion).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-fixture\d{6}$/),
      object: "chat.completion",
      created: expect.any(Number),
      model: "gpt-4o-mini",
      choices: [{ index: 0, message: { role: "assistant", refusal: null }, finish_reason: "stop" }],
    })
    expect(JSON.parse(completion.choices[0].message.content!)).toEqual({
      title: "title for Linen Shirt",
      rating: 3,
      tags: ["tags for Linen Shirt"],
      tone: "warm",
      seo: { keywords: ["keywords for Linen Shirt"], indexed: true },
      published: "2024-01-01",
      subtitle: "subtitle for",
    })
    const content = completion.choices[0].message.content!
    const prompt = Math.ceil(("Write copy." + "Product title: Linen Shirt\nColour: sand").length / 4)
    expect(completion.usage).toMatchObject({
      prompt_tokens: prompt,
      completion_tokens: Math.ceil(content.length / 4),
      total_tokens: prompt + Math.ceil(content.length / 4),
    })
  })

  it("records each chat completion's body and headers without the key", async () => {
    await structured("Blue Mug")

    expect(fixture.requestCount).toBe(1)
    expect(fixture.requests[0]).toMatchObject({ status: 200, body: { model: "gpt-4o-mini", response_format: { type: "json_schema" } } })
    expect(fixture.requests[0].headers.authorization).toBeUndefined()
    expect(fixture.requests[0].headers["content-type"]).toBe("application/json")
  })

  it("answers plain text without a response format, and JSON mode with an object", async () => {
    const text = await client().chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Blue Mug\nceramic" }] })
    expect(text.choices[0].message.content).toBe("Fixture answer about Blue Mug.")

    const json = await client().chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "Answer in JSON: Blue Mug" }],
      response_format: { type: "json_object" },
    })
    expect(JSON.parse(json.choices[0].message.content!)).toEqual({ answer: "Answer about Answer in JSON: Blue Mug" })
  })

  it("respondWith scripts the content as an object or raw text", async () => {
    fixture.respondWith((request) => ({ echoedModel: request.model }))
    expect((await structured("x")).choices[0].message.content).toBe('{"echoedModel":"gpt-4o-mini"}')

    fixture.respondWith(() => "plain words")
    expect((await structured("x")).choices[0].message.content).toBe("plain words")
  })

  it("malformedNext breaks the next answers in the chosen way", async () => {
    fixture.malformedNext(1)
    fixture.malformedNext(1, "missing_fields")
    fixture.malformedNext(1, "truncated")
    fixture.malformedNext(1, "refusal")

    const [notJson, missing, truncated, refusal, fine] = [await structured("A"), await structured("A"), await structured("A"), await structured("A"), await structured("A")]

    expect(() => JSON.parse(notJson.choices[0].message.content!)).toThrow()
    expect(JSON.parse(missing.choices[0].message.content!)).not.toHaveProperty("title")
    expect(truncated.choices[0].finish_reason).toBe("length")
    expect(() => JSON.parse(truncated.choices[0].message.content!)).toThrow()
    expect(refusal.choices[0].message).toMatchObject({ content: null, refusal: "I'm sorry, but I can't help with that request." })
    expect(JSON.parse(fine.choices[0].message.content!)).toHaveProperty("title", "title for A")
  })

  it("refuses a missing or wrong key with OpenAI's 401 error JSON", async () => {
    const missing = await rawChat({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }, {})
    expect(missing.status).toBe(401)
    expect(missing.body.error).toMatchObject({ type: "invalid_request_error", param: null, code: "invalid_api_key" })
    expect(missing.body.error.message).toMatch(/^You didn't provide an API key/)

    const error = await caught(client("sk-wrong-0123456789").chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }))
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: "invalid_api_key", type: "invalid_request_error" })
    expect(error.message).toContain("Incorrect API key provided: sk-************6789")
  })

  it("validates the request with the API's 400 invalid_request_error answers", async () => {
    const user = [{ role: "user", content: "x" }]
    const cases: [unknown, string, string | null, string | null][] = [
      ["{not json", "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.", null, null],
      [{ messages: user }, "you must provide a model parameter", null, null],
      [{ model: "gpt-4o-mini" }, "Missing required parameter: 'messages'.", "messages", "missing_required_parameter"],
      [{ model: "gpt-4o-mini", messages: [] }, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "messages", "empty_array"],
      [{ model: "gpt-4o-mini", messages: [{ role: "bot", content: "x" }] }, "Invalid value: 'bot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.", "messages[0].role", "invalid_value"],
      [{ model: "gpt-4o-mini", messages: user, temperature: 3 }, "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.", "temperature", "decimal_above_max_value"],
      [{ model: "gpt-4o-mini", messages: user, max_completion_tokens: 0 }, "Invalid 'max_completion_tokens': integer below minimum value. Expected a value >= 1, but got 0 instead.", "max_completion_tokens", "integer_below_min_value"],
      [{ model: "gpt-4o-mini", messages: user, extra: 1 }, "Unrecognized request argument supplied: extra", null, null],
      [{ model: "gpt-4o-mini", messages: user, response_format: { type: "json_object" } }, "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", "messages", null],
    ]
    for (const [body, message, param, code] of cases) {
      const response = await rawChat(body)
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: { error: { message, type: "invalid_request_error", param, code } },
      })
    }
    expect(fixture.requests.map((entry) => entry.status)).toEqual(cases.map(() => 400))
  })

  it("rejects a strict schema outside Structured Outputs' subset, and accepts it non-strict", async () => {
    const open = { type: "object", properties: { title: { type: "string" } }, required: ["title"] }
    const error = await caught(structured("x", open))
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error.error.message).toBe("Invalid schema for response_format 'product': In context=(), 'additionalProperties' is required to be supplied and to be false.")

    const optional = { ...open, properties: { title: { type: "string" }, note: { type: "string" } }, additionalProperties: false }
    expect((await caught(structured("x", optional))).error.message).toContain("'required' is required to be supplied and to be an array including every key in properties. Missing 'note'.")

    const lengthLimited = { ...optional, properties: { title: { type: "string", maxLength: 5 } }, required: ["title"] }
    expect((await caught(structured("x", lengthLimited))).error.message).toContain("In context=('properties', 'title'), 'maxLength' is not permitted.")

    const answer = await structured("Linen Shirt", lengthLimited, false)
    expect(JSON.parse(answer.choices[0].message.content!)).toEqual({ title: "title" })
  })

  it("answers an unknown model with 404 model_not_found", async () => {
    const error = await caught(client().chat.completions.create({ model: "gpt-unknown", messages: [{ role: "user", content: "x" }] }))
    expect(error).toBeInstanceOf(OpenAI.NotFoundError)
    expect(error).toMatchObject({ code: "model_not_found" })
  })

  it("failNext answers scripted faults: a 429 with OpenAI's body and rate-limit headers", async () => {
    fixture.failNext(1, { status: 429, headers: { "retry-after": "1" } })
    fixture.failNext(1, { status: 500 })

    const limited = await caught(structured("x"))
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError)
    expect(limited).toMatchObject({ status: 429, code: "rate_limit_exceeded", type: "requests" })
    expect(limited.headers.get("retry-after")).toBe("1")
    expect(limited.headers.get("x-ratelimit-remaining-requests")).toBe("0")
    expect(limited.error.message).toMatch(/^Rate limit reached for gpt-4o-mini in organization org-fixture on requests per min \(RPM\)/)

    const failed = await caught(structured("x"))
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError)
    expect(failed).toMatchObject({ type: "server_error" })
    expect((await structured("x")).choices).toHaveLength(1)
  })

  it("enforces an optional built-in rate limit with Retry-After", async () => {
    const limited = await startOpenAIFixture({ rateLimit: { requestsPerMinute: 2, windowMs: 500 } })
    try {
      const call = () => new OpenAI({ apiKey: "sk-test", baseURL: limited.url, maxRetries: 0 }).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }).withResponse()

      const first = await call()
      expect(first.response.headers.get("x-ratelimit-limit-requests")).toBe("2")
      expect(first.response.headers.get("x-ratelimit-remaining-requests")).toBe("1")
      await call()
      const refused = await caught(call())
      expect(refused).toMatchObject({ status: 429, code: "rate_limit_exceeded" })
      expect(refused.headers.get("retry-after")).toBe("1")

      await new Promise((resolve) => setTimeout(resolve, 520))
      expect((await call()).data.object).toBe("chat.completion")
    } finally {
      await limited.close()
    }
  })

  it("adds latency and reports the most requests in flight at once", async () => {
    fixture.setLatency(100)
    const started = Date.now()
    await Promise.all([structured("a"), structured("b"), structured("c")])
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
    expect(fixture.maxInFlight).toBe(3)
    expect(fixture.inFlight).toBe(0)

    fixture.reset()
    expect(fixture).toMatchObject({ requestCount: 0, maxInFlight: 0 })
  })

  it("lists and retrieves models, which the bridge registry's health check uses", async () => {
    const models = await client().models.list()
    expect(models.data.map((model) => model.id)).toEqual(["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"])
    expect(await client().models.retrieve("gpt-4o")).toMatchObject({ id: "gpt-4o", object: "model", owned_by: "system" })
    expect(await caught(client().models.retrieve("gpt-9"))).toBeInstanceOf(OpenAI.NotFoundError)

    const check = (model: string, apiKey = "sk-test") =>
      openaiIntegration.check({ config: { apiKey, baseUrl: fixture.url, model }, signal: new AbortController().signal, container: {} as never })
    expect(await check("gpt-4o-mini")).toEqual({ status: "up", details: { model: "gpt-4o-mini" } })
    expect(await check("gpt-9")).toEqual({ status: "down", message: "Model gpt-9 is not available to this key" })
    await expect(check("gpt-4o-mini", "sk-wrong")).rejects.toThrow(/401/)
  })

  it("answers an unknown route with OpenAI's Invalid URL error", async () => {
    const response = await fetch(`${fixture.url}/embeddingz`, { method: "POST", headers: { authorization: "Bearer sk-test" } })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { message: "Invalid URL (POST /v1/embeddingz)", type: "invalid_request_error", param: null, code: null } })
  })
})
