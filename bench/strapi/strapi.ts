/**
 * The real dev Strapi (integration-tests/helpers/strapi-app.ts: strapi/ with the plugin, SQLite in a throwaway
 * file), and what the bench reads back from it through the admin API: how many product entries it holds, how
 * many catalogue writes its sync log recorded, and single entries to compare with Medusa's products.
 */
import { execFileSync } from "child_process"
import { readdirSync, readFileSync } from "fs"
import { RunningStrapi, startStrapi } from "../../integration-tests/helpers/strapi-app"

const ENTRIES = "/content-manager/collection-types/plugin::commerce-bridge.product"

export interface BenchStrapi {
  url: string
  apiToken: string
  /** Product entries (documents) Strapi holds. */
  entries(): Promise<number>
  /** Catalogue writes from Medusa in Strapi's sync log (one entry per request). */
  catalogueLogs(): Promise<number>
  /** The entry of a Medusa product id. */
  entry(medusaId: string): Promise<{ medusa_id: string; handle: string | null; title: string | null } | undefined>
  /** CPU time the Strapi process has used so far (Linux /proc; null elsewhere). */
  cpuMs(): number | null
  /** What Strapi printed, for failure messages. */
  output(): string
  stop(): Promise<void>
}

export async function startBenchStrapi(): Promise<BenchStrapi> {
  const strapi: RunningStrapi = await startStrapi()
  let admin: string
  try {
    admin = await strapi.login()
  } catch (error) {
    await strapi.stop()
    throw error
  }
  const pid = strapiPid(new URL(strapi.url).port)
  const get = async (route: string) => {
    const { status, body } = await strapi.request("GET", route, { token: admin })
    if (status !== 200) throw new Error(`Strapi answered ${status} to GET ${route}: ${JSON.stringify(body).slice(0, 300)}`)
    return body
  }
  return {
    url: strapi.url,
    apiToken: strapi.apiToken,
    entries: async () => (await get(`${ENTRIES}?page=1&pageSize=1`)).pagination.total,
    catalogueLogs: async () => (await get("/commerce-bridge/sync-logs?direction=from_medusa&entity=product&pageSize=1")).pagination.total,
    entry: async (medusaId) => (await get(`${ENTRIES}?filters[medusa_id][$eq]=${encodeURIComponent(medusaId)}`)).results[0],
    cpuMs: () => processCpuMs(pid),
    output: () => strapi.output(),
    stop: () => strapi.stop(),
  }
}

/** The Strapi process listening on `port`: the helper spawns `strapi.js start` with `PORT` in its environment. */
function strapiPid(port: string): number | undefined {
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("strapi.js")) continue
      if (readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) return Number(entry)
    } catch {
      // A process that ended, or one of another user.
    }
  }
  return undefined
}

let ticksPerSecond: number | undefined
function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat; the name (field 2) may hold spaces, so count after it.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
  } catch {
    return null
  }
}
