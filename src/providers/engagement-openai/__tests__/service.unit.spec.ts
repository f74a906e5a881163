/**
 * The provider with the official, unmodified `openai` SDK against integration-tests/__fixtures__/openai.ts.
 */
import type { Logger } from "@medusajs/framework/types"
import { z } from "zod"
import { OpenAIFixture, startOpenAIFixture } from "../../../../integration-tests/__fixtures__/openai"
import { startLocalServer } from "../../../../integration-tests/helpers/local-server"
import { EngagementGenerationError, GenerationRequest, OpenAIEngagementOptions, OpenAIEngagementProvider } from ".."

const copySchema = z.object({
  title: z.string().max(60),
  description: z.string(),
  bullets: z.array(z.string()).min(1),
  score: z.number(),
})
type Copy = z.infer<typeof copySchema>

const SYSTEM = "You write product copy for a clothing store."
const PROMPT = "Title: Linen Shirt\nColour: sand\nMaterial: 100% linen"

let fixture: OpenAIFixture
const warnings: string[] = []
const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger
const open: OpenAIEngagementProvider[] = []

beforeAll(async () => {
  fixture = await startOpenAIFixture()
})
afterAll(() => fixture.close())
beforeEach(() => {
  fixture.reset()
  warnings.length = 0
})
afterEach(() => open.splice(0).forEach((provider) => provider.close()))

function provider(options: Partial<OpenAIEngagementOptions> = {}) {
  const created = new OpenAIEngagementProvider({ apiKey: "sk-test", baseUrl: fixture.url, ...options }, logger)
  open.push(created)
  return created
}

const request = (overrides: Partial<GenerationRequest<Copy>> = {}): GenerationRequest<Copy> => ({
  system: SYSTEM,
  prompt: PROMPT,
  schema: copySchema,
  schemaName: "product_copy",
  ...overrides,
})

async function failure(promise: Promise<unknown>): Promise<EngagementGenerationError> {
  const error = await promise.then(
    () => Promise.reject(new Error("expected a rejection")),
    (caught) => caught
  )
  expect(error).toBeInstanceOf(EngagementGenerationError)
  return error
}

describe("OpenAIEngagementProvider against the OpenAI fixture", () => {
  it("returns the structured answer parsed, typed and priced", async () => {
    const result = await provider().generate(request())

    const title: string = result.content.title
    expect(title).toBe("title for Linen Shirt")
    expect(result.content).toEqual({
      title: "title for Linen Shirt",
      description: "description for Linen Shirt",
      bullets: ["bullets for Linen Shirt"],
      score: 1,
    })
    const tokensIn = Math.ceil((SYSTEM + PROMPT).length / 4)
    const tokensOut = Math.ceil(JSON.stringify(result.content).length / 4)
    expect(result).toMatchObject({ model: "gpt-4o-mini", tokensIn, tokensOut, attempts: 1 })
    expect(result.costUsd).toBeCloseTo((tokensIn * 0.15 + tokensOut * 0.6) / 1e6, 12)
  })

  it("sends the model, temperature, token limit and strict json_schema format, and nothing else", async () => {
    await provider({ temperature: 0.2, model: "gpt-4o" }).generate(request({ maxOutputTokens: 300 }))

    expect(fixture.requests).toHaveLength(1)
    expect(fixture.requests[0].body).toEqual({
      model: "gpt-4o",
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: PROMPT },
      ],
      temperature: 0.2,
      max_completion_tokens: 300,
      response_format: {
        type: "json_schema",
        json_schema: {
          name: "product_copy",
          strict: true,
          schema: {
            type: "object",
            properties: {
              title: { type: "string", description: "At most 60 characters." },
              description: { type: "string" },
              bullets: { type: "array", minItems: 1, items: { type: "string" } },
              score: { type: "number" },
            },
            required: ["title", "description", "bullets", "score"],
            additionalProperties: false,
          },
        },
      },
    })
    expect(fixture.requests[0].headers.authorization).toBeUndefined()
    expect(fixture.requests[0].status).toBe(200)
  })

  it("lets the request override the model and the options override prices", async () => {
    const priced = provider({ prices: { "gpt-4o": { inputPerMillion: 1, outputPerMillion: 2 } } })
    const result = await priced.generate(request({ model: "gpt-4o" }))

    expect(fixture.requests[0].body.model).toBe("gpt-4o")
    expect(result.model).toBe("gpt-4o")
    expect(result.costUsd).toBeCloseTo((result.tokensIn * 1 + result.tokensOut * 2) / 1e6, 12)
  })

  it("waits at least the Retry-After of a 429, then succeeds", async () => {
    fixture.failNext(1, { status: 429, headers: { "retry-after": "1" } })
    const started = Date.now()

    const result = await provider().generate(request())

    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(result.attempts).toBe(2)
    expect(fixture.requests.map((entry) => entry.status)).toEqual([429, 200])
    expect(warnings).toEqual([expect.stringContaining("HTTP 429 rate_limit_exceeded: Rate limit reached for gpt-4o-mini")])
    expect(warnings[0]).toContain("retry 1 of 3 in 1000 ms")
  })

  it("retries 500 with backoff and 503 after its retry-after-ms", async () => {
    fixture.failNext(1, { status: 500 })
    fixture.failNext(1, { status: 503, headers: { "retry-after-ms": "50" } })

    const result = await provider().generate(request({ correlationId: "corr_1" }))

    expect(result.attempts).toBe(3)
    expect(fixture.requests.map((entry) => entry.status)).toEqual([500, 503, 200])
    expect(warnings[0]).toMatch(/HTTP 500: The server had an error .* retry 1 of 3 in \d+ ms \[correlation_id=corr_1\]$/)
    expect(warnings[1]).toContain("HTTP 503 engine_overloaded")
    expect(warnings[1]).toContain("retry 2 of 3 in 50 ms")
  })

  it("gives up after maxRetries with a transient rate_limited error carrying Retry-After", async () => {
    fixture.failNext(5, { status: 429, headers: { "retry-after-ms": "20" } })

    const error = await failure(provider({ maxRetries: 2 }).generate(request()))

    expect(fixture.requestCount).toBe(3)
    expect(error).toMatchObject({ kind: "rate_limited", transient: true, status: 429, retryAfterMs: 20 })
    expect(error.usage).toEqual({ attempts: 3, tokensIn: 0, tokensOut: 0, costUsd: 0 })
    expect(error.message).toMatch(/^OpenAI request failed after 3 attempts: HTTP 429 rate_limit_exceeded/)
  })

  it("does not wait out a Retry-After longer than a minute: fails at once for the caller to reschedule", async () => {
    fixture.failNext(1, { status: 429, headers: { "retry-after": "120" } })

    const error = await failure(provider().generate(request()))

    expect(fixture.requestCount).toBe(1)
    expect(error).toMatchObject({ kind: "rate_limited", transient: true, retryAfterMs: 120_000 })
  })

  it("does not retry a 429 for an exhausted quota", async () => {
    const quota = { message: "You exceeded your current quota, please check your plan and billing details.", type: "insufficient_quota", param: null, code: "insufficient_quota" }
    fixture.failNext(1, { status: 429, body: { error: quota } })

    const error = await failure(provider().generate(request()))

    expect(fixture.requestCount).toBe(1)
    expect(error).toMatchObject({ kind: "rate_limited", transient: false, status: 429 })
  })

  it("does not retry a wrong key (401) and keeps the key out of the message", async () => {
    const key = "sk-wrong-0123456789abcdef"

    const error = await failure(provider({ apiKey: key }).generate(request()))

    expect(fixture.requestCount).toBe(1)
    expect(error).toMatchObject({ kind: "unauthorized", transient: false, status: 401 })
    expect(error.message).toMatch(/^OpenAI request failed: HTTP 401 invalid_api_key: Incorrect API key provided/)
    expect(error.message).not.toContain(key)
    expect(JSON.stringify(fixture.requests)).not.toContain(key)
  })

  it("does not retry a bad request and keeps the prompt out of the message", async () => {
    fixture.failNext(1, { status: 400, body: { error: { message: `Cannot use this input: ${PROMPT}`, type: "invalid_request_error", param: "messages", code: null } } })

    const error = await failure(provider().generate(request()))

    expect(fixture.requestCount).toBe(1)
    expect(error).toMatchObject({ kind: "bad_request", transient: false, status: 400 })
    expect(error.message).toBe("OpenAI request failed: HTTP 400: Cannot use this input: [redacted]")
  })

  it("reports an unknown model as a bad request", async () => {
    const error = await failure(provider({ model: "gpt-nonexistent" }).generate(request()))

    expect(error).toMatchObject({ kind: "bad_request", status: 404 })
    expect(error.message).toContain("model_not_found: The model `gpt-nonexistent` does not exist")
  })

  it("asks again once when the answer is malformed, and counts both answers", async () => {
    fixture.malformedNext(1)

    const result = await provider().generate(request())

    expect(result.content.title).toBe("title for Linen Shirt")
    expect(result.attempts).toBe(2)
    expect(result.tokensIn).toBe(2 * Math.ceil((SYSTEM + PROMPT).length / 4))
    expect(warnings).toEqual([expect.stringContaining("did not match the expected format (the answer is not valid JSON); asking again")])
  })

  it.each([
    ["not_json", "the answer is not valid JSON"],
    ["missing_fields", "title: Invalid input: expected string, received undefined"],
    ["truncated", "the answer was cut off at the output token limit"],
    ["refusal", "the model refused to answer"],
  ] as const)("fails with malformed_output when the answer is malformed twice (%s)", async (kind, reason) => {
    fixture.malformedNext(2, kind)

    const error = await failure(provider().generate(request()))

    expect(fixture.requestCount).toBe(2)
    expect(error).toMatchObject({ kind: "malformed_output", transient: false })
    expect(error.message).toBe(`The model's answer did not match the expected format twice (${reason})`)
    // Both answers were billed: the error says what they cost.
    const tokensIn = 2 * Math.ceil((SYSTEM + PROMPT).length / 4)
    expect(error.usage).toMatchObject({ attempts: 2, tokensIn })
    expect(error.usage!.costUsd).toBeCloseTo((tokensIn * 0.15 + error.usage!.tokensOut * 0.6) / 1e6, 12)
  })

  it("fails a timed-out request as transient", async () => {
    fixture.setLatency(600)

    const error = await failure(provider({ timeoutMs: 150, maxRetries: 0 }).generate(request()))

    expect(error).toMatchObject({ kind: "unavailable", transient: true, status: undefined })
    expect(error.message).toBe("OpenAI request failed: no answer within 150 ms")
  })

  it("retries a timed-out request up to maxRetries", async () => {
    fixture.setLatency(400)

    const error = await failure(provider({ timeoutMs: 100, maxRetries: 1 }).generate(request()))

    expect(fixture.requestCount).toBe(2)
    expect(error.message).toBe("OpenAI request failed after 2 attempts: no answer within 100 ms")
  })

  it("reports an unreachable server as transient", async () => {
    const gone = await startLocalServer(() => undefined)
    await gone.close()

    const error = await failure(provider({ baseUrl: `${gone.url}/v1`, maxRetries: 0 }).generate(request()))

    expect(error).toMatchObject({ kind: "unavailable", transient: true })
    expect(error.message).toBe("OpenAI request failed: could not reach the server (ECONNREFUSED)")
  })

  it("keeps at most `concurrency` requests in flight at the server", async () => {
    fixture.setLatency(80)
    const limited = provider({ concurrency: 2 })

    const results = await Promise.all(Array.from({ length: 6 }, () => limited.generate(request())))

    expect(results).toHaveLength(6)
    expect(fixture.requestCount).toBe(6)
    expect(fixture.maxInFlight).toBe(2)
  })

  it("recovers from the server's own rate limit", async () => {
    const limitedServer = await startOpenAIFixture({ rateLimit: { requestsPerMinute: 2, windowMs: 1000 } })
    try {
      const client = provider({ baseUrl: limitedServer.url })
      const started = Date.now()

      const results = await Promise.all([1, 2, 3].map(() => client.generate(request())))

      expect(results.map((result) => result.attempts).sort()).toEqual([1, 1, 2])
      expect(limitedServer.requests.map((entry) => entry.status)).toEqual([200, 200, 429, 200])
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    } finally {
      await limitedServer.close()
    }
  })

  it("close() aborts what is under way, is idempotent, and refuses later generations", async () => {
    fixture.setLatency(1000)
    const closing = provider()
    const pending = closing.generate(request())
    await new Promise((resolve) => setTimeout(resolve, 50))

    closing.close()
    closing.close()

    const error = await failure(pending)
    expect(error).toMatchObject({ kind: "unavailable", message: "The OpenAI engagement provider was closed" })
    expect((await failure(closing.generate(request()))).message).toBe("The OpenAI engagement provider was closed")
  })

  it("rejects a bad schema name or output limit before calling the server", async () => {
    const client = provider()

    expect((await failure(client.generate(request({ schemaName: "product copy" })))).kind).toBe("bad_request")
    expect((await failure(client.generate(request({ maxOutputTokens: 0 })))).message).toBe("maxOutputTokens must be a positive integer, got 0")
    expect(fixture.requestCount).toBe(0)
  })
})
