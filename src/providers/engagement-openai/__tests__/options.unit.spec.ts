import { MedusaError } from "@medusajs/framework/utils"
import { EngagementGenerationError, OpenAIEngagementProvider } from ".."
import { backoffMs, retryAfterFrom } from "../errors"

const valid = { apiKey: "sk-test" }

describe("OpenAIEngagementProvider.validateOptions", () => {
  it.each([
    [undefined, 'option "apiKey" is required'],
    [{}, 'option "apiKey" is required'],
    [{ apiKey: "  " }, 'option "apiKey" is required'],
    [{ ...valid, baseUrl: "api.openai.com/v1" }, 'option "baseUrl" must be an http(s) URL'],
    [{ ...valid, baseUrl: "ftp://example.com" }, 'option "baseUrl" must be an http(s) URL'],
    [{ ...valid, model: "" }, 'option "model" must be a non-empty string'],
    [{ ...valid, temperature: 2.5 }, 'option "temperature" must be a number between 0 and 2, got 2.5'],
    [{ ...valid, temperature: "hot" }, 'option "temperature" must be a number between 0 and 2, got "hot"'],
    [{ ...valid, timeoutMs: 0 }, 'option "timeoutMs" must be an integer of at least 1, got 0'],
    [{ ...valid, concurrency: 1.5 }, 'option "concurrency" must be an integer of at least 1, got 1.5'],
    [{ ...valid, requestsPerMinute: -1 }, 'option "requestsPerMinute" must be an integer of at least 0, got -1'],
    [{ ...valid, tokensPerMinute: Infinity }, 'option "tokensPerMinute" must be an integer of at least 0, got Infinity'],
    [{ ...valid, maxRetries: 11 }, 'option "maxRetries" must be an integer between 0 and 10, got 11'],
    [{ ...valid, prices: [] }, 'option "prices" must be an object'],
    [{ ...valid, prices: { "my-model": { inputPerMillion: 1 } } }, 'option "prices.my-model.outputPerMillion" is required'],
    [{ ...valid, prices: { "my-model": { inputPerMillion: -1, outputPerMillion: 1 } } }, 'option "prices.my-model.inputPerMillion" must be a number of at least 0, got -1'],
  ])("rejects %j naming the option", (options, message) => {
    let thrown: unknown
    try {
      OpenAIEngagementProvider.validateOptions(options)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(MedusaError)
    expect((thrown as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((thrown as Error).message).toContain(`OpenAI engagement provider: ${message}`)
  })

  it("never echoes the key and accepts a complete configuration", () => {
    expect(() => OpenAIEngagementProvider.validateOptions({ apiKey: "sk-secret", temperature: 9 })).toThrow(/^(?!.*sk-secret)/)
    expect(() =>
      OpenAIEngagementProvider.validateOptions({
        apiKey: "sk-test",
        baseUrl: "http://127.0.0.1:11434/v1",
        model: "llama3.1",
        temperature: 0,
        timeoutMs: 5000,
        concurrency: 1,
        requestsPerMinute: 0,
        tokensPerMinute: 0,
        maxRetries: 0,
        prices: { "llama3.1": { inputPerMillion: 0, outputPerMillion: 0 } },
      })
    ).not.toThrow()
  })

  it("checks the options in the constructor too", () => {
    expect(() => new OpenAIEngagementProvider({ apiKey: "" })).toThrow('option "apiKey" is required')
  })
})

describe("prices and token estimates", () => {
  const provider = new OpenAIEngagementProvider({ apiKey: "sk-test", prices: { "gpt-4o": { inputPerMillion: 5, outputPerMillion: 15 }, local: { inputPerMillion: 0.01, outputPerMillion: 0.02 } } })
  afterAll(() => provider.close())

  it("prices default models per million tokens, dated snapshots as their model, overrides first, unknown at 0", () => {
    expect(provider.costOf("gpt-4o-mini", 1_000_000, 1_000_000)).toBeCloseTo(0.75, 10)
    expect(provider.costOf("gpt-4o-mini-2024-07-18", 2_000_000, 0)).toBeCloseTo(0.3, 10)
    expect(provider.costOf("gpt-4.1-mini", 1000, 500)).toBeCloseTo((1000 * 0.4 + 500 * 1.6) / 1e6, 12)
    expect(provider.costOf("gpt-4o", 1_000_000, 1_000_000)).toBeCloseTo(20, 10)
    expect(provider.costOf("local", 1_000_000, 0)).toBeCloseTo(0.01, 10)
    expect(provider.costOf("gpt-4o-audio-preview", 1000, 1000)).toBe(0)
    expect(provider.costOf("llama3.1", 1000, 1000)).toBe(0)
  })

  it("estimates about four characters a token", () => {
    expect(provider.estimateTokens("")).toBe(0)
    expect(provider.estimateTokens("abc")).toBe(1)
    expect(provider.estimateTokens("a".repeat(400))).toBe(100)
  })
})

describe("retry timing", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries)

  it("reads retry-after-ms first, then retry-after as seconds or an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z")
    expect(retryAfterFrom(headers({ "retry-after-ms": "150", "retry-after": "5" }), now)).toBe(150)
    expect(retryAfterFrom(headers({ "retry-after": "2" }), now)).toBe(2000)
    expect(retryAfterFrom(headers({ "retry-after": "0.5" }), now)).toBe(500)
    expect(retryAfterFrom(headers({ "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }), now)).toBe(3000)
    expect(retryAfterFrom(headers({ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" }), now)).toBe(0)
    expect(retryAfterFrom(headers({ "retry-after": "soon" }), now)).toBeUndefined()
    expect(retryAfterFrom(headers({}), now)).toBeUndefined()
    expect(retryAfterFrom(undefined, now)).toBeUndefined()
  })

  it("backs off exponentially with jitter, capped at 8 s", () => {
    expect([0, 1, 2].map((retry) => backoffMs(retry, () => 0))).toEqual([250, 500, 1000])
    expect([0, 1, 2].map((retry) => backoffMs(retry, () => 1))).toEqual([500, 1000, 2000])
    expect(backoffMs(10, () => 1)).toBe(8000)
  })
})

describe("EngagementGenerationError", () => {
  it("is named, carries its kind and cause, and is transient for rate limits and outages by default", () => {
    const cause = new Error("socket hang up")
    const error = new EngagementGenerationError("OpenAI request failed", { kind: "unavailable", cause })
    expect(error).toMatchObject({ name: "EngagementGenerationError", kind: "unavailable", transient: true, cause })
    expect(new EngagementGenerationError("x", { kind: "rate_limited" }).transient).toBe(true)
    expect(new EngagementGenerationError("x", { kind: "rate_limited", transient: false }).transient).toBe(false)
    expect(new EngagementGenerationError("x", { kind: "bad_request" }).transient).toBe(false)
    expect(new EngagementGenerationError("x", { kind: "malformed_output" }).transient).toBe(false)
  })
})
