import path from "path"

const configPath = path.resolve(__dirname, "../../medusa-config")

function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    let config: any
    jest.isolateModules(() => {
      config = require(configPath)
    })
    return config
  } finally {
    process.env = saved
  }
}

const resolves = (config: any) =>
  Object.values(config.modules as Record<string, any>).flatMap((mod) => [
    mod.resolve,
    ...(mod.options?.providers ?? []).map((provider: any) => provider.resolve),
  ])

describe("the dev store's medusa-config.ts", () => {
  it("uses Medusa's in-memory modules without REDIS_URL", () => {
    const config = loadConfig({ REDIS_URL: "" })
    expect(config.projectConfig.redisUrl).toBeUndefined()
    expect(resolves(config)).not.toEqual(expect.arrayContaining([expect.stringMatching(/redis/)]))
  })

  it("enables the Redis event bus, workflow engine, locking and caching with REDIS_URL", () => {
    const config = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" })
    expect(config.projectConfig.redisUrl).toBe("redis://127.0.0.1:6379")
    expect(resolves(config)).toEqual(
      expect.arrayContaining([
        "@medusajs/medusa/event-bus-redis",
        "@medusajs/medusa/workflow-engine-redis",
        "@medusajs/medusa/locking-redis",
        "@medusajs/medusa/caching-redis",
      ])
    )
  })

  it("registers the bridge module with the plugin options built from the environment", () => {
    const config = loadConfig({ MAILGUN_API_KEY: "key-1", MAILGUN_DOMAIN: "mg.test", MAILGUN_FROM: "a@mg.test" })
    const bridge = Object.values(config.modules as Record<string, any>).find((mod) => mod.resolve === "./src/modules/bridge")
    expect(bridge.options.integrations.mailgun).toMatchObject({ apiKey: "key-1", domain: "mg.test", from: "a@mg.test" })
    expect(bridge.options.integrations.twilio).toBeUndefined()
  })

  it("registers the Notification Module with Mailgun and Twilio reading the registry, and the deliveries module", () => {
    const config = loadConfig({})
    const modules = Object.values(config.modules as Record<string, any>)
    const notification = modules.find((mod) => mod.resolve === "@medusajs/medusa/notification")
    expect(notification.dependencies).toEqual(["commerceBridge", "commerceBridgeNotifications"])
    expect(notification.options.providers).toEqual([
      expect.objectContaining({ resolve: "./src/providers/notification-mailgun", id: "mailgun", options: expect.objectContaining({ channels: ["email"], useIntegrationSettings: true }) }),
      expect.objectContaining({ resolve: "./src/providers/notification-twilio", id: "twilio", options: expect.objectContaining({ channels: ["sms", "whatsapp"], useIntegrationSettings: true }) }),
    ])
    expect(modules.map((mod) => mod.resolve)).toContain("./src/modules/notifications")
  })
})
