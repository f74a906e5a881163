// `npm run dev`: prepares the dev store (.env, database, migrations, admin user, demo data), starts the
// dev Strapi app wired to it (unless DEV_STRAPI=false), then runs `medusa develop`. Safe to run again:
// every step reuses what already exists.
import { spawn } from "node:child_process"
import { createHmac, randomBytes } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { constants } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(path.join(ROOT, "package.json"))
const SECRETS = {
  JWT_SECRET: () => randomBytes(32).toString("hex"),
  COOKIE_SECRET: () => randomBytes(32).toString("hex"),
  COMMERCE_BRIDGE_SECRETS_KEY: () => randomBytes(32).toString("base64"),
  STRAPI_API_TOKEN: () => randomBytes(32).toString("hex"),
  STRAPI_WEBHOOK_SECRET: () => randomBytes(32).toString("hex"),
}
const STRAPI_DEV_USERS = {
  admin: { email: "admin@commerce-bridge.local", password: "CommerceBridge1" },
  editor: { email: "editor@commerce-bridge.local", password: "CommerceBridge1" },
}

const backendUrl = () => process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`
const adminUrl = () => `${backendUrl()}/app`
const strapiEnabled = () => process.env.DEV_STRAPI !== "false"

/** An expected failure: printed as one line, without a stack trace. */
class SetupError extends Error {}

const log = (message) => console.log(`[dev] ${message}`)

/** Creates .env from .env.template when missing, and fills any empty secret in place. */
function prepareEnvFile() {
  const envPath = path.join(ROOT, ".env")
  const created = !existsSync(envPath)
  let text = readFileSync(created ? path.join(ROOT, ".env.template") : envPath, "utf8")
  const filled = []
  for (const [key, generate] of Object.entries(SECRETS)) {
    const line = new RegExp(`^${key}=(.*)$`, "m")
    const current = text.match(line)?.[1].trim().replace(/^(["'])(.*)\1$/, "$2")
    if (current) continue
    const entry = `${key}=${generate()}`
    text = line.test(text) ? text.replace(line, () => entry) : `${text.replace(/\n?$/, "\n")}${entry}\n`
    filled.push(key)
  }
  if (created || filled.length) writeFileSync(envPath, text)
  if (created) log(`Created .env from .env.template`)
  log(filled.length ? `Generated ${filled.join(", ")} in .env` : ".env already has its secrets")
}

/** Loads .env the way medusa-config.ts does; variables already in the environment win. */
function loadEnvironment() {
  const { loadEnv } = require("@medusajs/framework/utils")
  loadEnv(process.env.NODE_ENV || "development", ROOT)
  process.env.MEDUSA_DISABLE_TELEMETRY = "true"
  if (!process.env.DATABASE_URL) throw new SetupError("DATABASE_URL is not set (add it to .env)")
}

function describePgError(error, url) {
  const where = `${url.hostname}:${url.port || 5432}`
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ENOENT"].includes(error.code)) {
    return new SetupError(`PostgreSQL unreachable at ${where} (${error.code}). Start PostgreSQL or fix DATABASE_URL in .env.`)
  }
  if (error.code === "28P01" || error.code === "28000") {
    return new SetupError(`PostgreSQL at ${where} refused user "${decodeURIComponent(url.username)}": ${error.message}`)
  }
  return new SetupError(`PostgreSQL error at ${where}: ${error.message}`)
}

/** Runs fn with a connected pg client; `database` replaces the database of DATABASE_URL. */
async function withDatabase(fn, database) {
  const { Client } = require("pg")
  const url = new URL(process.env.DATABASE_URL)
  if (database) url.pathname = `/${database}`
  const client = new Client({ connectionString: url.toString() })
  try {
    await client.connect()
    return await fn(client)
  } catch (error) {
    throw error instanceof SetupError ? error : describePgError(error, url)
  } finally {
    await client.end().catch(() => {})
  }
}

/** True when the query returns a row in the DATABASE_URL database. */
const hasRow = (sql, params) => withDatabase(async (client) => (await client.query(sql, params)).rowCount > 0)

async function ensureDatabase() {
  const name = decodeURIComponent(new URL(process.env.DATABASE_URL).pathname.slice(1))
  if (!name) throw new SetupError("DATABASE_URL names no database")
  await withDatabase(async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (rowCount) return log(`Database "${name}" exists`)
    await client.query(`create database "${name.replace(/"/g, '""')}"`)
    log(`Created database "${name}"`)
  }, "postgres")
}

/** Runs `npx medusa ...args` with inherited output; rejects with a SetupError when it fails. */
function medusa(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["medusa", ...args], { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } })
    child.on("error", (error) => reject(new SetupError(`Could not run npx medusa ${args[0]}: ${error.message}`)))
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new SetupError(`npx medusa ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`))
    )
  })
}

async function ensureAdminUser() {
  const email = process.env.MEDUSA_ADMIN_EMAIL || "admin@commerce-bridge.local"
  const password = process.env.MEDUSA_ADMIN_PASSWORD || "commerce-bridge"
  const exists = await hasRow(`select 1 from "user" where email = $1 and deleted_at is null`, [email])
  if (exists) log(`Admin user ${email} exists`)
  else await medusa(["user", "-e", email, "-p", password])
  log(`Admin: ${adminUrl()}  email: ${email}  password: ${exists ? "(unchanged) " : ""}${password}`)
}

/** Runs the seed script unless demo products exist already (the script checks this too). */
async function seedDemoData() {
  if (await hasRow(`select 1 from product where handle like 'cb-demo-%' and deleted_at is null limit 1`)) return log("Demo data already seeded")
  log("Seeding demo data...")
  // Without Strapi: the seed's process would keep retrying pushes to a Strapi that is not up yet. The
  // whole catalogue goes to Strapi once the store runs (pullCatalogueIntoStrapi).
  await medusa(["exec", "./src/scripts/seed.ts"], { STRAPI_URL: "" })
}

/** Stops a child started in its own process group (with everything it forked). */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
    return true
  } catch {
    return false // the group is gone
  }
}

/**
 * Starts the dev Strapi app (strapi/, SQLite in strapi/.tmp) with the plugin pointed at this store,
 * its admin and editor users and the API token Medusa uses, all from .env; installs and builds it
 * the first time (a few minutes).
 */
async function startStrapi() {
  const strapiSetup = require("./scripts/strapi-setup.cjs")
  const port = process.env.STRAPI_PORT || "1337"
  process.env.STRAPI_URL ||= `http://localhost:${port}`
  strapiSetup.install()
  strapiSetup.buildAdmin()
  log(`Starting Strapi on ${process.env.STRAPI_URL} (admin: ${process.env.STRAPI_URL}/admin)`)
  const child = strapiSetup.spawnStrapi(
    {
      HOST: "0.0.0.0",
      PORT: port,
      PUBLIC_URL: process.env.STRAPI_URL,
      DATABASE_CLIENT: process.env.STRAPI_DATABASE_CLIENT || "sqlite",
      DATABASE_URL: process.env.STRAPI_DATABASE_URL || "",
      DATABASE_FILENAME: process.env.STRAPI_DATABASE_FILENAME || ".tmp/data.db",
      MEDUSA_URL: backendUrl(),
      COMMERCE_BRIDGE_WEBHOOK_SECRET: process.env.STRAPI_WEBHOOK_SECRET,
      STRAPI_API_TOKEN: process.env.STRAPI_API_TOKEN,
      STRAPI_ADMIN_EMAIL: STRAPI_DEV_USERS.admin.email,
      STRAPI_ADMIN_PASSWORD: STRAPI_DEV_USERS.admin.password,
      STRAPI_EDITOR_EMAIL: STRAPI_DEV_USERS.editor.email,
      STRAPI_EDITOR_PASSWORD: STRAPI_DEV_USERS.editor.password,
    },
    { stdio: ["ignore", "inherit", "inherit"], detached: true }
  )
  child.on("exit", (code) => code && log(`Strapi stopped (exit code ${code})`))
  for (let waited = 0; ; waited += 500) {
    if (child.exitCode !== null) throw new SetupError(`Strapi exited during start (exit code ${child.exitCode}); see its output above`)
    if ((await fetch(`${process.env.STRAPI_URL}/_health`).then((r) => r.ok, () => false))) break
    if (waited > 120_000) {
      signalGroup(child, "SIGKILL")
      throw new SetupError(`Strapi did not answer ${process.env.STRAPI_URL}/_health within 2 minutes`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  for (const [role, user] of Object.entries(STRAPI_DEV_USERS)) log(`Strapi ${role}: ${user.email}  password: ${user.password}`)
  return child
}

/**
 * Once the store answers, asks it to push its whole catalogue to Strapi (the demo data was seeded
 * before Strapi listened), through the same signed route Strapi's "Pull catalogue" button uses.
 * Unchanged entries are left alone, so this is cheap on every start.
 */
async function pullCatalogueIntoStrapi() {
  for (let waited = 0; !(await fetch(`${backendUrl()}/health`).then((r) => r.ok, () => false)); waited += 1000) {
    if (waited > 10 * 60_000) return log("Medusa did not come up: catalogue not pushed to Strapi")
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const body = "{}"
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = createHmac("sha256", process.env.STRAPI_WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest("hex")
  const response = await fetch(`${backendUrl()}/webhooks/strapi/catalogue-syncs`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-commerce-bridge-timestamp": timestamp, "x-commerce-bridge-signature": signature },
    body,
  }).catch((error) => ({ ok: false, status: error.message }))
  log(response.ok ? "Pushing the catalogue to Strapi" : `Could not push the catalogue to Strapi (${response.status})`)
}

/**
 * Hands over to `medusa develop`. It runs in its own process group because it does not pass
 * SIGTERM on to the server it forks: Ctrl-C / SIGTERM / SIGHUP here stop the whole group.
 */
function develop(strapi) {
  log(`Starting medusa develop (admin: ${adminUrl()})`)
  const child = spawn("npx", ["medusa", "develop"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], detached: true })
  const children = [child, strapi].filter(Boolean)
  let stopping = false
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      stopping = true
      children.forEach((running) => signalGroup(running, "SIGTERM"))
    })
  }
  child.on("error", (error) => fail(new SetupError(`Could not run npx medusa develop: ${error.message}`)))
  child.on("exit", async (code, signal) => {
    // Give the server a few seconds to shut down gracefully, then make sure nothing keeps port 9000.
    if (strapi) signalGroup(strapi, "SIGTERM")
    const running = () => children.some((group) => signalGroup(group, 0))
    for (let waited = 0; waited < 10_000 && running(); waited += 250) await new Promise((r) => setTimeout(r, 250))
    children.forEach((group) => signalGroup(group, "SIGKILL"))
    process.exit(stopping ? 0 : (code ?? 128 + (constants.signals[signal] ?? 0)))
  })
}

function fail(error) {
  console.error(error instanceof SetupError ? `[dev] ✖ ${error.message}` : error)
  process.exit(1)
}

async function main() {
  prepareEnvFile()
  loadEnvironment()
  await ensureDatabase()
  await medusa(["db:migrate"])
  await ensureAdminUser()
  await seedDemoData()
  if (!strapiEnabled()) return develop()
  develop(await startStrapi())
  pullCatalogueIntoStrapi()
}

main().catch(fail)
