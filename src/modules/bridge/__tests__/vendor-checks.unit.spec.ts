import type { MedusaContainer } from "@medusajs/framework/types"
import { LocalServer, sendJson, startLocalServer } from "../../../../integration-tests/helpers/local-server"
import { mailgun } from "../integrations/mailgun"
import { meilisearch } from "../integrations/meilisearch"
import { openai } from "../integrations/openai"
import { opensearch } from "../integrations/opensearch"
import { strapi } from "../integrations/strapi"
import { twilio } from "../integrations/twilio"

type Route = (req: { url: string; authorization?: string }) => [number, unknown]

let route: Route
let server: LocalServer
beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const [status, body] = route({ url: req.url!, authorization: req.headers.authorization })
    if (status === 204) {
      res.writeHead(204).end()
      return
    }
    sendJson(res, status, body)
  })
})
afterAll(() => server.close())

const context = <C>(config: C) => ({ config, signal: new AbortController().signal, container: {} as MedusaContainer })
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`

describe("vendor health checks", () => {
  it("Mailgun reads the domain with the API key", async () => {
    route = ({ url, authorization }) =>
      authorization === basic("api", "key-1") && url === "/v3/domains/mg.test" ? [200, { domain: { state: "active" } }] : [401, { message: "Invalid private key" }]
    await expect(mailgun.check(context({ apiKey: "key-1", domain: "mg.test", baseUrl: server.url }))).resolves.toEqual({
      status: "up",
      details: { domain_state: "active" },
    })
    await expect(mailgun.check(context({ apiKey: "bad", domain: "mg.test", baseUrl: server.url }))).rejects.toThrow(
      "Mailgun rejected the credentials (HTTP 401)"
    )
  })

  it("Twilio reads the account with the auth token or an API key, and reports a suspended account", async () => {
    let status = "active"
    route = ({ url, authorization }) =>
      url === "/2010-04-01/Accounts/AC1.json" && [basic("AC1", "tok"), basic("SK1", "sec")].includes(authorization!)
        ? [200, { sid: "AC1", status }]
        : [401, { code: 20003, message: "Authenticate" }]
    await expect(twilio.check(context({ accountSid: "AC1", authToken: "tok", baseUrl: server.url }))).resolves.toMatchObject({ status: "up" })
    await expect(
      twilio.check(context({ accountSid: "AC1", apiKeySid: "SK1", apiKeySecret: "sec", baseUrl: server.url }))
    ).resolves.toMatchObject({ status: "up" })
    status = "suspended"
    await expect(twilio.check(context({ accountSid: "AC1", authToken: "tok", baseUrl: server.url }))).resolves.toMatchObject({
      status: "down",
      message: "Twilio account is suspended",
    })
    await expect(twilio.check(context({ accountSid: "AC1", baseUrl: server.url }))).rejects.toThrow("Twilio needs authToken")
  })

  it("Meilisearch checks /health, then the key on /version", async () => {
    route = ({ url, authorization }) => {
      if (url === "/health") return [200, { status: "available" }]
      return authorization === "Bearer master" ? [200, { pkgVersion: "1.12.0" }] : [403, { code: "invalid_api_key" }]
    }
    await expect(meilisearch.check(context({ host: server.url, apiKey: "master" }))).resolves.toEqual({
      status: "up",
      details: { version: "1.12.0" },
    })
    await expect(meilisearch.check(context({ host: server.url, apiKey: "wrong" }))).rejects.toThrow("HTTP 403")
  })

  it("OpenSearch is down while the cluster is red", async () => {
    let cluster = "yellow"
    route = () => [200, { cluster_name: "search", status: cluster }]
    await expect(opensearch.check(context({ node: server.url }))).resolves.toMatchObject({ status: "up" })
    cluster = "red"
    await expect(opensearch.check(context({ node: server.url }))).resolves.toMatchObject({ status: "down" })
  })

  it("OpenAI checks that the model is available to the key", async () => {
    route = ({ url, authorization }) => {
      if (authorization !== "Bearer sk-1") return [401, { error: { message: "Incorrect API key" } }]
      return url === "/v1/models/gpt-4o-mini" ? [200, { id: "gpt-4o-mini" }] : [404, { error: { message: "not found" } }]
    }
    const base = { apiKey: "sk-1", baseUrl: `${server.url}/v1` }
    await expect(openai.check(context({ ...base, model: "gpt-4o-mini" }))).resolves.toMatchObject({ status: "up" })
    await expect(openai.check(context({ ...base, model: "gpt-9" }))).resolves.toMatchObject({ status: "down" })
    await expect(openai.check(context({ ...base, apiKey: "sk-2", model: "gpt-4o-mini" }))).rejects.toThrow("OpenAI rejected")
  })

  it("Strapi answers the CommerceBridge plugin's status with the API token", async () => {
    route = ({ url, authorization }) => {
      if (url !== "/api/commerce-bridge/status") return [404, { data: null, error: { status: 404, name: "NotFoundError", message: "Not Found" } }]
      if (authorization === "Bearer t") return [200, { data: { plugin: "commerce-bridge", version: "0.1.0" } }]
      return authorization === "Bearer read-only" ? [403, { error: { status: 403, name: "ForbiddenError" } }] : [401, { error: { status: 401, name: "UnauthorizedError" } }]
    }
    await expect(strapi.check(context({ url: `${server.url}/`, apiToken: "t" }))).resolves.toEqual({ status: "up", details: { plugin_version: "0.1.0" } })
    await expect(strapi.check(context({ url: server.url, apiToken: "wrong" }))).resolves.toEqual({ status: "down", message: "API token rejected (HTTP 401)" })
    await expect(strapi.check(context({ url: server.url, apiToken: "read-only" }))).resolves.toEqual({ status: "down", message: "API token rejected (HTTP 403)" })
  })

  it("Strapi without the CommerceBridge plugin is down, saying so", async () => {
    route = ({ url }) => (url === "/_health" ? [204, null] : [404, { data: null, error: { status: 404, name: "NotFoundError", message: "Not Found" } }])
    await expect(strapi.check(context({ url: server.url, apiToken: "t" }))).resolves.toEqual({
      status: "down",
      message: "the CommerceBridge plugin is not installed in Strapi",
    })
    route = () => [500, { error: { status: 500, name: "InternalServerError" } }]
    await expect(strapi.check(context({ url: server.url, apiToken: "t" }))).rejects.toThrow("Strapi answered HTTP 500")
  })

  it("an unreachable vendor rejects, naming where it looked", async () => {
    const closed = await startLocalServer(() => undefined)
    await closed.close()
    await expect(strapi.check(context({ url: closed.url, apiToken: "t" }))).rejects.toThrow(
      `Could not reach ${closed.url} (ECONNREFUSED)`
    )
  })
})
