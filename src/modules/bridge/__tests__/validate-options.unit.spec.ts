import validateOptionsLoader from "../loaders/validate-options"

const run = (options: Record<string, unknown>) => validateOptionsLoader({ options } as any)

describe("bridge options at startup", () => {
  const saved = process.env.COMMERCE_BRIDGE_SECRETS_KEY
  afterEach(() => {
    process.env.COMMERCE_BRIDGE_SECRETS_KEY = saved
  })

  it("names the variable when the key is missing", async () => {
    delete process.env.COMMERCE_BRIDGE_SECRETS_KEY
    await expect(run({})).rejects.toThrow("COMMERCE_BRIDGE_SECRETS_KEY is not set")
  })

  it("names the variable when the key is malformed", async () => {
    process.env.COMMERCE_BRIDGE_SECRETS_KEY = "short"
    await expect(run({})).rejects.toThrow("COMMERCE_BRIDGE_SECRETS_KEY is malformed")
  })

  it("names the option when the key comes from the plugin options", async () => {
    await expect(run({ encryptionKey: "short" })).rejects.toThrow("CommerceBridge option encryptionKey is malformed")
  })

  it("rejects a health check timeout that is not a positive integer", async () => {
    await expect(run({ healthCheckTimeoutMs: -1 })).rejects.toThrow("healthCheckTimeoutMs")
  })

  it("accepts a valid key", async () => {
    await expect(run({ encryptionKey: "a".repeat(64) })).resolves.toBeUndefined()
  })
})
