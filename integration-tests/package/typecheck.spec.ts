import { spawnSync } from "child_process"
import path from "path"

jest.setTimeout(180 * 1000)

const root = path.resolve(__dirname, "../..")

describe("type checking", () => {
  it.each([
    ["the server code", "tsconfig.json"],
    ["the admin extensions", "src/admin/tsconfig.json"],
  ])("%s compiles without errors", (_what, project) => {
    const result = spawnSync("npx", ["tsc", "--noEmit", "-p", project], { cwd: root, encoding: "utf8" })
    expect(result.stdout.split("\n").filter((line) => line.includes("error TS"))).toEqual([])
    expect(result.status).toBe(0)
  })
})
