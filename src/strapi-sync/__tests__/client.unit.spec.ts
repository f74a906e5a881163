import { LocalServer, readBody, sendJson, startLocalServer } from "../../../integration-tests/helpers/local-server"
import { isPermanent, retryAfterOf } from "../../modules/queue/types"
import { StrapiClient, StrapiRequestError } from "../client"

const TOKEN = "strapi-api-token-very-secret-0001"
const shirt = { medusa_id: "prod_1", handle: "shirt", title: "Shirt" }

type Answer = { status: number; body?: unknown; headers?: Record<string, string> }

describe("StrapiClient", () => {
  let server: LocalServer
  let answer: (request: { method: string; url: string; body: any }) => Answer
  const bodies: unknown[] = []

  beforeAll(async () => {
    server = await startLocalServer(async (req, res) => {
      const raw = (await readBody(req)).toString("utf8")
      const body = raw ? JSON.parse(raw) : undefined
      bodies.push(body)
      const { status, body: reply, headers } = answer({ method: req.method!, url: req.url!, body })
      if (headers) Object.entries(headers).forEach(([name, value]) => res.setHeader(name, value))
      if (typeof reply === "string") return res.writeHead(status).end(reply)
      sendJson(res, status, reply ?? {})
    })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    server.requests.length = 0
    bodies.length = 0
  })

  const client = (url = server.url, timeoutMs = 2000) => new StrapiClient({ url, apiToken: TOKEN }, timeoutMs)
  const failure = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error("expected a failure")), (error) => error as StrapiRequestError)

  it("PUTs the documents to /api/commerce-bridge/catalogue/:entity with the API token and returns Strapi's outcomes", async () => {
    answer = () => ({ status: 200, body: { data: [{ medusa_id: "prod_1", document_id: "doc1", created: true, changed: true }] } })
    await expect(client(`${server.url}/`).upsert("product", [shirt])).resolves.toEqual([
      { medusa_id: "prod_1", document_id: "doc1", created: true, changed: true },
    ])
    expect(server.requests[0]).toMatchObject({ method: "PUT", url: "/api/commerce-bridge/catalogue/product" })
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(server.requests[0].headers["content-type"]).toBe("application/json")
    expect(bodies[0]).toEqual({ data: [shirt] })
  })

  it("refuses to send more than 100 documents, or none", async () => {
    answer = () => ({ status: 200, body: { data: [] } })
    await expect(client().upsert("product", Array.from({ length: 101 }, () => shirt))).rejects.toThrow("1 to 100 documents, not 101")
    await expect(client().upsert("product", [])).rejects.toThrow("not 0")
    expect(server.requests).toHaveLength(0)
  })

  it("DELETEs /api/commerce-bridge/catalogue/:entity/:medusaId", async () => {
    answer = ({ url }) => ({ status: 200, body: { data: { deleted: url.endsWith("/pcat_1") } } })
    await expect(client().remove("category", "pcat_1")).resolves.toBe(true)
    await expect(client().remove("category", "pcat 2")).resolves.toBe(false)
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "DELETE /api/commerce-bridge/catalogue/category/pcat_1",
      "DELETE /api/commerce-bridge/catalogue/category/pcat%202",
    ])
  })

  it("maps a 400 to a permanent MedusaError with Strapi's status, error name and message", async () => {
    answer = () => ({ status: 400, body: { data: null, error: { status: 400, name: "ValidationError", message: "data[0].handle must be a string" } } })
    const error = await failure(client().upsert("product", [shirt]))
    expect(error).toBeInstanceOf(StrapiRequestError)
    expect(error).toMatchObject({ type: "unexpected_state", status: 400, strapiError: "ValidationError", code: "ValidationError" })
    expect(error.message).toBe("Strapi answered HTTP 400 (ValidationError) to PUT /api/commerce-bridge/catalogue/product: data[0].handle must be a string")
    expect(isPermanent(error)).toBe(true)
  })

  it.each([401, 403, 404])("treats HTTP %i as permanent: retrying cannot fix a token or a missing plugin", async (status) => {
    answer = () => ({ status, body: { error: { status, name: "Error", message: "nope" } } })
    const error = await failure(client().upsert("product", [shirt]))
    expect(error.status).toBe(status)
    expect(isPermanent(error)).toBe(true)
  })

  it("retries a 429 no sooner than its Retry-After, and 5xx answers with backoff", async () => {
    answer = () => ({ status: 429, body: { error: { status: 429, name: "RateLimitError", message: "Too many requests" } }, headers: { "retry-after": "7" } })
    const limited = await failure(client().upsert("product", [shirt]))
    expect(limited).toMatchObject({ status: 429, retryAfterMs: 7000 })
    expect(isPermanent(limited)).toBe(false)
    expect(retryAfterOf(limited)).toBe(7000)

    answer = () => ({ status: 503, body: "<html>Service Unavailable</html>" })
    const unavailable = await failure(client().remove("product", "prod_1"))
    expect(unavailable.message).toBe("Strapi answered HTTP 503 to DELETE /api/commerce-bridge/catalogue/product/prod_1: <html>Service Unavailable</html>")
    expect(isPermanent(unavailable)).toBe(false)
  })

  it("never puts the API token in a message, even when Strapi echoes it", async () => {
    answer = () => ({ status: 401, body: { error: { status: 401, name: "UnauthorizedError", message: `Invalid token ${TOKEN}` } } })
    const error = await failure(client().upsert("product", [shirt]))
    expect(error.message).toContain("Invalid token [redacted]")
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(TOKEN)
  })

  it("reports Strapi unreachable as a transient failure without a status", async () => {
    const closed = await startLocalServer(() => undefined)
    await closed.close()
    const error = await failure(client(closed.url).upsert("product", [shirt]))
    expect(error).toBeInstanceOf(StrapiRequestError)
    expect(error.message).toBe(`Could not reach Strapi at ${closed.url} (ECONNREFUSED)`)
    expect(error.status).toBeUndefined()
    expect(isPermanent(error)).toBe(false)
  })

  it("gives up on a Strapi that does not answer in time", async () => {
    answer = () => ({ status: 200, body: { data: [] } })
    const silent = await startLocalServer(() => undefined)
    try {
      const error = await failure(client(silent.url, 200).upsert("product", [shirt]))
      expect(error.message).toBe(`Could not reach Strapi at ${silent.url} (no answer within 200 ms)`)
      expect(isPermanent(error)).toBe(false)
    } finally {
      await silent.close()
    }
  })
})
