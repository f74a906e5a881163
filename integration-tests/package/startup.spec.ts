import { spawnSync } from "child_process"
import path from "path"

jest.setTimeout(120 * 1000)

const root = path.resolve(__dirname, "../..")

/** Boots the real app (`medusa exec` of a script that does nothing) with the given secrets key. */
function bootWithKey(key: string) {
  const result = spawnSync("npx", ["medusa", "exec", "./integration-tests/package/fixtures/noop.ts"], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "development",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: "postgres://postgres@localhost:5432/postgres",
      COMMERCE_BRIDGE_SECRETS_KEY: key,
    },
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe("starting the store", () => {
  it.each([
    ["", "COMMERCE_BRIDGE_SECRETS_KEY is not set"],
    ["not-a-32-byte-key", "COMMERCE_BRIDGE_SECRETS_KEY is malformed"],
  ])("fails with key %p, naming the variable", (key, message) => {
    const { status, output } = bootWithKey(key)
    expect(status).not.toBe(0)
    expect(output).toContain(message)
  })
})
