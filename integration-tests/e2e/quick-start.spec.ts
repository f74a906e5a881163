import path from "path"
import { Client } from "pg"
import { launchBrowser, loginToAdmin } from "./helpers/browser"
import { devStoreEnv, freePort, RunningProcess, startProcess, waitFor } from "./helpers/processes"

jest.setTimeout(10 * 60 * 1000)

const root = path.resolve(__dirname, "../..")
const database = `commerce_bridge_quick_start_${process.pid}`
const admin = { email: "quick-start@commerce-bridge.local", password: "quick-start-password" }

async function sql<T = any>(db: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ host: "localhost", user: "postgres", database: db })
  await client.connect()
  try {
    return (await client.query(text, params)).rows
  } finally {
    await client.end()
  }
}

/** The README's first command, `npm run dev`, on a database of its own. */
describe("quick start: npm run dev", () => {
  let port: number
  let baseUrl: string
  let env: NodeJS.ProcessEnv
  let dev: RunningProcess | undefined

  const startDev = async () => {
    dev = startProcess("node", ["scripts/dev.mjs"], { cwd: root, env })
    await waitFor(async () => (await fetch(`${baseUrl}/health`)).ok, { timeoutMs: 5 * 60_000, what: "/health", process: dev })
    return dev
  }

  beforeAll(async () => {
    port = await freePort()
    baseUrl = `http://localhost:${port}`
    await sql("postgres", `drop database if exists ${database}`)
    env = devStoreEnv({ port, database, admin })
  })

  afterAll(async () => {
    await dev?.stop()
    await sql("postgres", `drop database if exists ${database} with (force)`)
  })

  it("creates the database, admin user and demo data, and serves the store, the admin and CommerceBridge", async () => {
    await startDev()
    expect(dev!.output()).toContain(`Created database "${database}"`)

    const [{ token }] = await sql(database, "select token from api_key where type = 'publishable' and revoked_at is null limit 1")
    const [region] = await sql(database, "select id from region where currency_code = 'usd' and deleted_at is null")
    const products = await (
      await fetch(`${baseUrl}/store/products?limit=100&region_id=${region.id}&fields=*variants.calculated_price,+variants.inventory_quantity`, {
        headers: { "x-publishable-api-key": token },
      })
    ).json()
    expect(products.count).toBeGreaterThanOrEqual(50)
    const variants = products.products.flatMap((product: any) => product.variants)
    expect(variants.every((variant: any) => variant.calculated_price?.currency_code === "usd")).toBe(true)
    expect(variants.some((variant: any) => variant.inventory_quantity === 0)).toBe(true)
    expect(variants.some((variant: any) => variant.inventory_quantity > 0)).toBe(true)

    expect((await fetch(`${baseUrl}/commerce-bridge/health`)).status).toBe(200)
    expect((await fetch(`${baseUrl}/app`)).status).toBe(200)

    const browser = await launchBrowser()
    try {
      const page = await browser.newPage()
      await loginToAdmin(page, baseUrl, admin.email, admin.password)
      await page.goto(`${baseUrl}/app/settings/integrations`)
      await page.getByRole("heading", { name: "Integrations" }).waitFor({ timeout: 120_000 })
      for (const label of ["Mailgun", "Twilio", "Meilisearch", "OpenSearch", "OpenAI", "Strapi"]) {
        await page.getByTestId(`integration-${label.toLowerCase()}`).waitFor()
      }
    } finally {
      await browser.close()
    }
  })

  it("reuses everything on a second run", async () => {
    await dev!.stop()
    const [{ count }] = await sql(database, "select count(*)::int as count from product")
    await startDev()
    expect(dev!.output()).toContain(`Database "${database}" exists`)
    expect(dev!.output()).toContain(`Admin user ${admin.email} exists`)
    expect(dev!.output()).toContain("Demo data already seeded")
    const [after] = await sql(database, "select count(*)::int as count from product")
    expect(after.count).toBe(count)
  })
})
