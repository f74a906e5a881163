import { spawnSync } from "child_process"
import path from "path"
import { Client } from "pg"

jest.setTimeout(120 * 1000)

const root = path.resolve(__dirname, "../..")
const SERVER = "postgres://postgres@localhost:5432"

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

/** Runs the Medusa CLI in the fixture store that defines its own `product` index beside CommerceBridge's category factory. */
function inOwnProductStore(args: string[], databaseUrl: string) {
  const result = spawnSync("npx", ["medusa", ...args], {
    cwd: path.join(__dirname, "fixtures/own-product-store"),
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "development",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: databaseUrl,
      SEARCH_PROVIDER: "",
      REDIS_URL: "",
    },
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe("a store with its own `product` definition", () => {
  const database = `cb_own_product_${process.pid}`
  const admin = new Client({ connectionString: `${SERVER}/postgres` })

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${database}`)
    await admin.query(`CREATE DATABASE ${database}`)
  })
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await admin.end()
  })

  it("boots with the factories: migrates, keeps its own product index and indexes categories with ours", async () => {
    const migrated = inOwnProductStore(["db:migrate"], `${SERVER}/${database}`)
    expect(migrated.output).not.toContain("is defined twice")
    expect([migrated.status, migrated.output.slice(-2000)]).toEqual([0, expect.any(String)])

    const booted = inOwnProductStore(["exec", "./scripts/check-search.ts"], `${SERVER}/${database}`)
    const line = booted.output.split("\n").find((entry) => entry.includes("CHECK-SEARCH "))
    expect([booted.status, line ? "reported" : booted.output.slice(-3000)]).toEqual([0, "reported"])
    const report = JSON.parse(line!.slice(line!.indexOf("CHECK-SEARCH ") + "CHECK-SEARCH ".length))
    expect(report.indexes).toEqual([
      { name: "category", entity: "product_category", status: "ready" },
      { name: "product", entity: "product", status: expect.any(String) },
    ])
    // CommerceBridge keeps only its own index; the store's product index is left to the store.
    expect(report.kept).toEqual([{ name: "category", entity: "category" }])
    expect(report.found).toEqual([expect.objectContaining({ id: report.category, name: "Fixture knitwear", depth: 0 })])
  }, 600 * 1000)
})
