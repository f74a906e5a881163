import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { randomBytes } from "crypto"
import { BRIDGE_MODULE } from ".."
import type BridgeModuleService from "../service"
import type { CommerceBridgeOptions } from "../types"

jest.setTimeout(60 * 1000)

const moduleOptions: CommerceBridgeOptions = {
  encryptionKey: randomBytes(32).toString("base64"),
  settingsCacheTtlMs: 0,
  integrations: {
    mailgun: { apiKey: "key-from-config", domain: "config.example.com", from: "shop@example.com", region: undefined },
    twilio: { accountSid: "AC123" },
  },
}

moduleIntegrationTestRunner<BridgeModuleService>({
  moduleName: BRIDGE_MODULE,
  resolve: "./src/modules/bridge",
  moduleOptions,
  testSuite: ({ service }) => {
    it("enables an integration whose options hold every required value", async () => {
      const [mailgun, twilio, strapi] = await service.describeIntegrations(["mailgun", "twilio", "strapi"])
      expect(mailgun).toMatchObject({ enabled: true, enabled_source: "config", missing: [] })
      expect(mailgun.secrets.apiKey).toEqual({ set: true, source: "config" })
      expect(mailgun.settings.domain).toEqual({ value: "config.example.com", source: "config" })
      expect(twilio).toMatchObject({ enabled: false, missing: ["authToken or apiKeySid + apiKeySecret"] })
      expect(strapi).toMatchObject({ enabled: false, missing: ["url", "apiToken"] })
    })

    it("merges admin settings over options, while configured secrets stay the source of truth", async () => {
      await service.configureIntegration("mailgun", { settings: { domain: "admin.example.com" }, secrets: { apiKey: "key-from-admin" } })
      const { config } = await service.integrations.mailgun.read()
      expect(config).toMatchObject({ apiKey: "key-from-config", domain: "admin.example.com", region: "us" })

      await service.configureIntegration("twilio", { secrets: { authToken: "token-from-admin" } })
      const twilio = await service.integrations.twilio.read()
      expect(twilio.config).toMatchObject({ accountSid: "AC123", authToken: "token-from-admin" })
    })

    it("stores admin secrets sealed and returns them only through the accessor", async () => {
      const view = await service.configureIntegration("strapi", {
        enabled: true,
        settings: { url: "http://cms.test" },
        secrets: { apiToken: "strapi-token-secret" },
      })
      expect(JSON.stringify(view)).not.toContain("strapi-token-secret")
      expect(view.secrets).toEqual({ apiToken: { set: true, source: "admin" }, webhookSecret: { set: false, source: null } })

      const [row] = await service.listIntegrations({ name: "strapi" })
      expect(JSON.stringify(row)).not.toContain("strapi-token-secret")
      expect((await service.integrations.strapi.read()).config.apiToken).toBe("strapi-token-secret")
      expect(await service.knownSecretValues()).toEqual(expect.arrayContaining(["strapi-token-secret", "key-from-config"]))
    })

    it("keeps other admin secrets when one is changed or cleared", async () => {
      await service.configureIntegration("twilio", { secrets: { authToken: "t1", apiKeySecret: "s1" } })
      await service.configureIntegration("twilio", { secrets: { authToken: null } })
      const { config } = await service.integrations.twilio.read()
      expect(config.authToken).toBeUndefined()
      expect(config.apiKeySecret).toBe("s1")
    })

    it("lets a merchant disable an integration the options enable", async () => {
      await service.configureIntegration("mailgun", { enabled: false })
      expect(await service.integrations.mailgun.read()).toMatchObject({ enabled: false })
      expect((await service.describeIntegration("mailgun")).enabled_source).toBe("admin")
    })

    it("records health results", async () => {
      const checked_at = new Date()
      await service.recordHealth("openai", { status: "down", latency_ms: 12, checked_at, error: "HTTP 500", details: null })
      expect((await service.describeIntegration("openai")).health).toEqual({
        status: "down",
        latency_ms: 12,
        checked_at,
        error: "HTTP 500",
        details: null,
      })
    })

    it("refuses unknown integrations and badly named registrations", async () => {
      await expect(service.configureIntegration("fax", {})).rejects.toThrow('Integration "fax" was not found')
      expect(() => service.registerIntegration({ name: "Bad Name" } as any)).toThrow("must be kebab-case")
    })
  },
})
