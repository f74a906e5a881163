import { execFileSync, spawnSync } from "child_process"
import path from "path"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const setup = require("../../scripts/strapi-setup.cjs")

jest.setTimeout(180 * 1000)

describe("the published Strapi plugin package (@commerce-bridge/strapi-plugin)", () => {
  const sdkPlugin = path.join(setup.STRAPI_DIR, "node_modules", ".bin", "strapi-plugin")

  beforeAll(() => setup.buildPlugin())

  it("passes the Strapi SDK's own checks of its exports", () => {
    const verify = spawnSync(sdkPlugin, ["verify"], { cwd: setup.PLUGIN_DIR, encoding: "utf8" })
    expect({ status: verify.status, output: `${verify.stdout}${verify.stderr}` }).toEqual({ status: 0, output: expect.stringContaining("Verified package.json") })
  })

  it("ships the built server and admin bundles with their types, and no sources or tests", () => {
    const [report] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: setup.PLUGIN_DIR, stdio: ["ignore", "pipe", "ignore"] }).toString())
    const files: string[] = report.files.map((file: { path: string }) => file.path)
    expect(report.name).toBe("@commerce-bridge/strapi-plugin")
    expect(files).toEqual(
      expect.arrayContaining(["package.json", "dist/server/index.js", "dist/server/index.mjs", "dist/admin/index.js", "dist/admin/index.mjs", "dist/server/src/index.d.ts"])
    )
    expect(files.filter((file) => !file.startsWith("dist/") && !["package.json", "README.md", "CONTRACT.md"].includes(file))).toEqual([])
    expect(files.filter((file) => /\.test\.|__tests__|node_modules/.test(file))).toEqual([])
  })
})
