import { execFileSync } from "child_process"
import { existsSync, readFileSync } from "fs"
import path from "path"

jest.setTimeout(180 * 1000)

const root = path.resolve(__dirname, "../..")
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"))

/** Every export target, with wildcard targets reduced to the folder they expand in. */
function exportTargets(): string[] {
  return Object.values(pkg.exports as Record<string, string | Record<string, string>>)
    .flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)))
    .map((target) => (target.includes("*") ? path.dirname(target.slice(0, target.indexOf("*") + 1)) : target))
}

describe("the published plugin package", () => {
  let packed: string[]

  beforeAll(() => {
    execFileSync("npx", ["medusa", "plugin:build"], { cwd: root, stdio: "pipe", env: { ...process.env, NODE_OPTIONS: "" } })
    const [report] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString())
    packed = report.files.map((file: { path: string }) => file.path)
  })

  it("exports only paths that exist after the build", () => {
    for (const target of exportTargets()) {
      expect([target, existsSync(path.join(root, target))]).toEqual([target, true])
    }
  })

  it("ships the built modules, migrations, routes and admin extensions, and no tests, demo seed or dev config", () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        ".medusa/server/src/modules/bridge/index.js",
        ".medusa/server/src/modules/bridge/migrations/Migration20261122042528.js",
        ".medusa/server/src/api/middlewares.js",
        ".medusa/server/src/admin/index.mjs",
        ".medusa/server/src/jobs/check-integrations-health.js",
        ".medusa/server/src/search-indexes/product/index.js",
        ".medusa/server/src/search-sync/module-config.js",
        // Medusa's PostgreSQL provider with vector fields, and the provider migration it stands in for.
        ".medusa/server/src/providers/search-postgres/index.js",
        ".medusa/server/src/providers/search-postgres/migrations/Migration20260807120000.js",
        ".medusa/server/src/modules/strapi/index.js",
        ".medusa/server/src/links/product-cms-content.js",
        ".medusa/server/src/api/webhooks/strapi/content/route.js",
      ])
    )
    // A store defines its own `product` index with the factory; a second definition would stop its boot.
    expect(packed.filter((file) => file.startsWith(".medusa/server/src/search/"))).toEqual([])
    expect(packed.filter((file) => /__tests__|integration-tests|medusa-config|src\/scripts|\.env/.test(file))).toEqual([])
  })
})
