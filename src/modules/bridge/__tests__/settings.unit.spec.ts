import { mergeConfig, validateSecrets, validateSettings } from "../settings"
import type { IntegrationDescriptor } from "../types"

const descriptor: IntegrationDescriptor = {
  name: "demo",
  label: "Demo",
  kind: "other",
  description: "",
  fields: [
    { key: "apiKey", label: "API key", type: "string", secret: true, required: true },
    { key: "domain", label: "Domain", type: "string", required: true },
    { key: "region", label: "Region", type: "select", options: ["us", "eu"], default: "us" },
    { key: "port", label: "Port", type: "number" },
    { key: "tls", label: "TLS", type: "boolean" },
    { key: "url", label: "URL", type: "url" },
  ],
  check: async () => ({ status: "up" }),
}

describe("mergeConfig", () => {
  it("prefers the admin for settings and the configuration for secrets", () => {
    const merged = mergeConfig(
      descriptor,
      { apiKey: "from-config", domain: "config.example.com", region: "eu" },
      { domain: "admin.example.com" },
      { apiKey: "from-admin" }
    )
    expect(merged.config).toMatchObject({ apiKey: "from-config", domain: "admin.example.com", region: "eu" })
    expect(merged.sources).toMatchObject({ apiKey: "config", domain: "admin", region: "config", port: null })
    expect(merged.missing).toEqual([])
  })

  it("falls back to admin secrets and field defaults, and lists what is missing", () => {
    const merged = mergeConfig(descriptor, undefined, { domain: null }, { apiKey: "from-admin" })
    expect(merged.config).toMatchObject({ apiKey: "from-admin", domain: undefined, region: "us" })
    expect(merged.sources).toMatchObject({ apiKey: "admin", domain: null, region: "default" })
    expect(merged.missing).toEqual(["domain"])
  })

  it("treats empty strings from the environment as absent", () => {
    expect(mergeConfig(descriptor, { apiKey: "", domain: "" }, {}, {}).missing).toEqual(["apiKey", "domain"])
  })
})

describe("requireOneOf", () => {
  const withAlternatives = { ...descriptor, requireOneOf: [["apiKey"], ["port", "url"]] }
  it("is satisfied by any complete set", () => {
    expect(mergeConfig(withAlternatives, { apiKey: "k", domain: "d" }, {}, {}).missing).toEqual([])
    expect(mergeConfig(withAlternatives, { domain: "d" }, { port: 1, url: "http://x" }, {}).missing).toEqual(["apiKey"])
  })
  it("names the alternatives when none is complete", () => {
    expect(mergeConfig(withAlternatives, { domain: "d" }, { port: 1 }, {}).missing).toEqual(["apiKey", "apiKey or port + url"])
  })
})

describe("validateSettings", () => {
  it("accepts well-typed values and null", () => {
    expect(validateSettings(descriptor, { region: "eu", port: 443, tls: true, url: "https://x.test", domain: null })).toEqual({
      region: "eu",
      port: 443,
      tls: true,
      url: "https://x.test",
      domain: null,
    })
  })

  it.each([
    [{ port: "443" }, "settings.port must be a number"],
    [{ tls: "yes" }, "settings.tls must be true or false"],
    [{ region: "mars" }, "settings.region must be one of us, eu"],
    [{ url: "not a url" }, "settings.url must be an http(s) URL"],
    [{ domain: 5 }, "settings.domain must be a string"],
    [{ apiKey: "x" }, 'settings.apiKey is a secret of demo: send it in "secrets"'],
    [{ other: "x" }, "settings.other is not a setting of demo"],
  ])("rejects %j", (settings, message) => {
    expect(() => validateSettings(descriptor, settings)).toThrow(message)
  })
})

describe("validateSecrets", () => {
  it("accepts secret fields only", () => {
    expect(validateSecrets(descriptor, { apiKey: "k" })).toEqual({ apiKey: "k" })
    expect(() => validateSecrets(descriptor, { domain: "x" })).toThrow('secrets.domain is not a secret of demo: send it in "settings"')
  })
})
