/** The OpenAI fixture's `POST /v1/embeddings`, driven with the official SDK. */
import OpenAI from "openai"
import { OpenAIFixture, startOpenAIFixture } from "../../../integration-tests/__fixtures__/openai"

let fixture: OpenAIFixture
beforeAll(async () => {
  fixture = await startOpenAIFixture()
})
afterAll(() => fixture.close())
beforeEach(() => fixture.reset())

const client = () => new OpenAI({ apiKey: fixture.apiKey, baseURL: fixture.url, maxRetries: 0 })
const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0)
const embed = async (input: string[], dimensions = 64) =>
  (await client().embeddings.create({ model: "text-embedding-3-small", input, dimensions })).data.map((entry) => entry.embedding)

describe("OpenAI fixture: embeddings", () => {
  it("answers OpenAI's shape, decoded by the SDK from base64, with usage", async () => {
    const answer = await client().embeddings.create({ model: "text-embedding-3-small", input: ["Grey couch", "Blue running shoes"], dimensions: 32 })
    expect(answer.object).toBe("list")
    expect(answer.model).toBe("text-embedding-3-small")
    expect(answer.data.map((entry) => [entry.object, entry.index, entry.embedding.length])).toEqual([["embedding", 0, 32], ["embedding", 1, 32]])
    expect(answer.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 })
    expect(fixture.embeddingRequests[0].body.encoding_format).toBe("base64")
    expect(fixture.embeddingTokens).toBe(5)
    expect(fixture.embeddedInputs).toBe(2)
  })

  it("is deterministic and unit length, 1536 dimensions by default", async () => {
    const [first] = (await client().embeddings.create({ model: "text-embedding-3-small", input: "Grey couch", encoding_format: "float" })).data
    const [again] = (await client().embeddings.create({ model: "text-embedding-3-small", input: "Grey couch", encoding_format: "float" })).data
    expect(first.embedding).toHaveLength(1536)
    expect(again.embedding).toEqual(first.embedding)
    expect(cosine(first.embedding, first.embedding)).toBeCloseTo(1, 5)
  })

  it("puts synonyms close and unrelated text far apart", async () => {
    const [sofa, couch, shoes, sneakers, mug] = await embed(["sofa", "Grey couch", "Blue running shoes", "sneakers", "Coffee mug"])
    expect(cosine(sofa, couch)).toBeGreaterThan(0.6)
    expect(cosine(sneakers, shoes)).toBeGreaterThan(0.6)
    expect(Math.abs(cosine(sofa, shoes))).toBeLessThan(0.35)
    expect(Math.abs(cosine(sofa, mug))).toBeLessThan(0.35)
  })

  it("answers OpenAI's errors for bad input, unknown models and unsupported dimensions", async () => {
    const post = (body: object) =>
      fetch(`${fixture.url}/embeddings`, { method: "POST", headers: { authorization: `Bearer ${fixture.apiKey}`, "content-type": "application/json" }, body: JSON.stringify(body) })
    const empty = await post({ model: "text-embedding-3-small", input: [] })
    expect(empty.status).toBe(400)
    expect((await empty.json()).error).toMatchObject({ type: "invalid_request_error", param: "input" })
    const unknown = await post({ model: "text-embedding-4", input: "x" })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.code).toBe("model_not_found")
    const ada = await post({ model: "text-embedding-ada-002", input: "x", dimensions: 8 })
    expect(ada.status).toBe(400)
    expect((await ada.json()).error.message).toBe("This model does not support specifying dimensions.")
  })

  it("shares scripted faults with chat completions (429 + Retry-After)", async () => {
    fixture.failNext(1, { status: 429, headers: { "retry-after": "1" } })
    const error = await client().embeddings.create({ model: "text-embedding-3-small", input: "x" }).catch((caught) => caught)
    expect(error.status).toBe(429)
    expect(error.headers.get("retry-after")).toBe("1")
  })
})
