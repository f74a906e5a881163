import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import checkIntegrationsHealthJob, { config as healthJobConfig } from "../../src/jobs/check-integrations-health"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import type BridgeModuleService from "../../src/modules/bridge/service"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { LocalServer, sendJson, startLocalServer } from "../helpers/local-server"

jest.setTimeout(120 * 1000)

const MAILGUN_KEY = "key-mailgun-very-secret-0001"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let fakeMailgun: LocalServer

    const bridge = () => getContainer().resolve<BridgeModuleService>(BRIDGE_MODULE)

    beforeAll(async () => {
      fakeMailgun = await startLocalServer((req, res) => {
        const expected = `Basic ${Buffer.from(`api:${MAILGUN_KEY}`).toString("base64")}`
        if (req.headers.authorization !== expected) return sendJson(res, 401, { message: "Invalid private key" })
        if (req.url === "/v3/domains/mg.example.com") return sendJson(res, 200, { domain: { name: "mg.example.com", state: "active" } })
        sendJson(res, 404, { message: "Domain not found" })
      })
    })
    afterAll(() => fakeMailgun.close())

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
    })

    describe("GET /admin/commerce-bridge/integrations", () => {
      it("lists every built-in integration with its fields and health", async () => {
        const { status, data } = await api.get("/admin/commerce-bridge/integrations", admin)
        expect(status).toBe(200)
        expect(data.integrations.map((i: any) => i.name)).toEqual(
          expect.arrayContaining(["mailgun", "twilio", "meilisearch", "opensearch", "openai", "strapi"])
        )
        const mailgun = data.integrations.find((i: any) => i.name === "mailgun")
        expect(mailgun).toMatchObject({
          enabled: false,
          enabled_source: "config",
          missing: ["apiKey", "domain", "from"],
          secrets: { apiKey: { set: false, source: null } },
          settings: { region: { value: "us", source: "default" } },
          health: { status: "unknown", checked_at: null },
        })
      })

      it("rejects a request without an admin session with 401", async () => {
        const response = await responseOf(api.get("/admin/commerce-bridge/integrations"))
        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/commerce-bridge/integrations/:name", () => {
      it("stores settings and secrets, and never returns a secret value", async () => {
        const { data } = await api.post(
          "/admin/commerce-bridge/integrations/mailgun",
          { enabled: true, settings: { domain: "mg.example.com", from: "Shop <shop@example.com>", region: "eu" }, secrets: { apiKey: MAILGUN_KEY } },
          admin
        )
        expect(data.integration).toMatchObject({
          enabled: true,
          enabled_source: "admin",
          missing: [],
          secrets: { apiKey: { set: true, source: "admin" } },
          settings: { domain: { value: "mg.example.com", source: "admin" }, region: { value: "eu", source: "admin" } },
        })
        const list = await api.get("/admin/commerce-bridge/integrations", admin)
        expect(JSON.stringify([data, list.data])).not.toContain(MAILGUN_KEY)

        const [row] = await bridge().listIntegrations({ name: "mailgun" })
        expect(row.secrets_sealed).toBeTruthy()
        expect(row.secrets_sealed).not.toContain(MAILGUN_KEY)
        const resolved = await bridge().integrations.mailgun.read()
        expect(resolved.config.apiKey).toBe(MAILGUN_KEY)
      })

      it("clears an admin value with null", async () => {
        const path = "/admin/commerce-bridge/integrations/mailgun"
        await api.post(path, { settings: { region: "eu" }, secrets: { apiKey: MAILGUN_KEY } }, admin)
        const { data } = await api.post(path, { settings: { region: null }, secrets: { apiKey: null } }, admin)
        expect(data.integration.settings.region).toEqual({ value: "us", source: "default" })
        expect(data.integration.secrets.apiKey).toEqual({ set: false, source: null })
      })

      it.each([
        [{ enabled: "yes" }, "enabled"],
        [{ colour: "blue" }, "colour"],
        [{ settings: { nope: "x" } }, "settings.nope"],
        [{ settings: { region: "mars" } }, "settings.region"],
        [{ settings: { baseUrl: "ftp://files" } }, "settings.baseUrl"],
        [{ settings: { apiKey: "in-the-wrong-place" } }, "settings.apiKey"],
        [{ secrets: { domain: "x" } }, "secrets.domain"],
        [{ secrets: { apiKey: "" } }, "apiKey"],
      ])("answers 400 naming the field for %j", async (body, field) => {
        const response = await responseOf(api.post("/admin/commerce-bridge/integrations/mailgun", body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain(field)
        expect(JSON.stringify(response.data)).not.toContain("in-the-wrong-place")
      })

      it("answers 404 for an unknown integration", async () => {
        const response = await responseOf(api.post("/admin/commerce-bridge/integrations/carrier-pigeon", { enabled: true }, admin))
        expect(response.status).toBe(404)
        expect(response.data.message).toContain("carrier-pigeon")
      })

      it("answers 401 without an admin session", async () => {
        const response = await responseOf(api.post("/admin/commerce-bridge/integrations/mailgun", { enabled: true }))
        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/commerce-bridge/integrations/:name/check", () => {
      const configureMailgun = (apiKey: string) =>
        api.post(
          "/admin/commerce-bridge/integrations/mailgun",
          { enabled: true, settings: { domain: "mg.example.com", from: "shop@example.com", baseUrl: fakeMailgun.url }, secrets: { apiKey } },
          admin
        )

      it("runs the vendor check now and records the result", async () => {
        await configureMailgun(MAILGUN_KEY)
        const { data } = await api.post("/admin/commerce-bridge/integrations/mailgun/check", {}, admin)
        expect(data.integration.health).toMatchObject({ status: "up", error: null, details: { domain_state: "active" } })
        expect(data.integration.health.latency_ms).toEqual(expect.any(Number))
        expect(data.integration.health.checked_at).toBeTruthy()
      })

      it("reports rejected credentials as down without echoing the key", async () => {
        await configureMailgun("key-wrong-but-secret-0002")
        const { data } = await api.post("/admin/commerce-bridge/integrations/mailgun/check", {}, admin)
        expect(data.integration.health).toMatchObject({ status: "down", error: "Mailgun rejected the credentials (HTTP 401)" })
        expect(JSON.stringify(data)).not.toContain("key-wrong-but-secret-0002")
      })

      it("reports what is missing for an unconfigured integration", async () => {
        const { data } = await api.post("/admin/commerce-bridge/integrations/twilio/check", {}, admin)
        expect(data.integration.health).toMatchObject({ status: "down", error: "Missing required setting: accountSid, authToken or apiKeySid + apiKeySecret" })
      })

      it("answers 404 for an unknown integration and 401 without a session", async () => {
        expect((await responseOf(api.post("/admin/commerce-bridge/integrations/nope/check", {}, admin))).status).toBe(404)
        expect((await responseOf(api.post("/admin/commerce-bridge/integrations/mailgun/check", {}))).status).toBe(401)
      })
    })

    const register = (name: string, check: () => Promise<any>) =>
      bridge().registerIntegration({ name, label: name, kind: "other", description: "test", fields: [], check })

    afterEach(() => {
      const registry = bridge() as any
      ;["test-failing", "test-hanging", "test-disabled"].forEach((name) => registry.descriptors.delete(name))
    })

    describe("scheduled health check", () => {
      it("runs every minute and records the health of enabled integrations only", async () => {
        expect(healthJobConfig.schedule).toBe("* * * * *")
        const disabledCheck = jest.fn(async () => ({ status: "up" as const }))
        register("test-failing", async () => ({ status: "down", message: "queue backlog" }))
        register("test-disabled", disabledCheck)
        await api.post("/admin/commerce-bridge/integrations/test-failing", { enabled: true }, admin)

        await checkIntegrationsHealthJob(getContainer())

        const { data } = await api.get("/admin/commerce-bridge/integrations", admin)
        const byName = Object.fromEntries(data.integrations.map((i: any) => [i.name, i]))
        expect(byName["test-failing"].health).toMatchObject({ status: "down", error: "queue backlog" })
        expect(byName["test-disabled"].health.status).toBe("unknown")
        expect(disabledCheck).not.toHaveBeenCalled()
      })
    })

    describe("GET /commerce-bridge/health", () => {
      it("answers 200 when every enabled integration is up", async () => {
        register("test-failing", async () => ({ status: "up" }))
        await api.post("/admin/commerce-bridge/integrations/test-failing", { enabled: true }, admin)
        const { status, data } = await api.get("/commerce-bridge/health")
        expect(status).toBe(200)
        expect(data).toMatchObject({ status: "ok", integrations: { "test-failing": { status: "up" } } })
      })

      it("answers 503 with each integration's status when one is down, without secrets", async () => {
        register("test-failing", async () => {
          throw new Error(`connect ECONNREFUSED for ${MAILGUN_KEY} and customer jane.doe@example.com`)
        })
        await api.post("/admin/commerce-bridge/integrations/test-failing", { enabled: true }, admin)
        await api.post(
          "/admin/commerce-bridge/integrations/mailgun",
          { enabled: true, settings: { domain: "mg.example.com", from: "shop@example.com", baseUrl: fakeMailgun.url }, secrets: { apiKey: MAILGUN_KEY } },
          admin
        )
        const response = await responseOf(api.get("/commerce-bridge/health"))
        expect(response.status).toBe(503)
        expect(response.data.status).toBe("unavailable")
        expect(response.data.integrations.mailgun.status).toBe("up")
        expect(response.data.integrations["test-failing"].status).toBe("down")
        const body = JSON.stringify(response.data)
        expect(body).not.toContain(MAILGUN_KEY)
        expect(body).not.toContain("jane.doe@example.com")
      })

      it("reports a check that hangs as down once the timeout passes", async () => {
        register("test-hanging", () => new Promise(() => undefined))
        await api.post("/admin/commerce-bridge/integrations/test-hanging", { enabled: true }, admin)
        const started = Date.now()
        const response = await responseOf(api.get("/commerce-bridge/health"))
        expect(response.status).toBe(503)
        expect(response.data.integrations["test-hanging"]).toMatchObject({ status: "down", error: "Health check timed out after 1000 ms" })
        expect(Date.now() - started).toBeLessThan(10_000)
      })
    })
  },
})
