import type { ChildProcess } from "child_process"
import { randomBytes } from "crypto"
import { rmSync } from "fs"
import net from "net"
import os from "os"
import path from "path"

// CommonJS helper shared with `npm run dev`, .ci/run and bench/strapi.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const setup = require("../../scripts/strapi-setup.cjs")

export const STRAPI_ADMIN = { email: "admin@commerce-bridge.test", password: "CommerceBridge-admin1" }
export const STRAPI_EDITOR = { email: "editor@commerce-bridge.test", password: "CommerceBridge-editor1" }

export interface RunningStrapi {
  url: string
  /** The full-access API token Medusa uses. */
  apiToken: string
  /** JSON request against Strapi; `token` is an admin JWT or the API token. */
  request<T = any>(method: string, route: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>
  /** Logs in to the admin API and returns the JWT. */
  login(user?: { email: string; password: string }): Promise<string>
  /** What Strapi printed, for failure messages. */
  output(): string
  /** Stops the process, keeping its database: Strapi is down until `resume()`. */
  pause(): Promise<void>
  /** Starts it again on the same port and database. */
  resume(): Promise<void>
  /** Stops it for good and deletes its database. */
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Boots the dev Strapi app (strapi/) with the plugin, on SQLite in a throwaway file, with an
 * admin, an editor allowed to sync and an API token. `serveAdmin` builds and serves the admin UI.
 */
export async function startStrapi({
  env = {},
  serveAdmin = false,
  port,
  apiToken = randomBytes(24).toString("hex"),
}: { env?: Record<string, string>; serveAdmin?: boolean; port?: number; apiToken?: string } = {}): Promise<RunningStrapi> {
  serveAdmin ? setup.buildAdmin() : setup.buildServer()
  const listenOn = port ?? (await freePort())
  const database = path.join(os.tmpdir(), `commerce-bridge-strapi-${process.pid}-${listenOn}.db`)
  const url = `http://127.0.0.1:${listenOn}`
  let printed = ""
  const strapiEnv = {
    PORT: String(listenOn),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATABASE_FILENAME: database,
    STRAPI_SERVE_ADMIN: String(serveAdmin),
    STRAPI_LOG_LEVEL: "warn",
    STRAPI_ADMIN_EMAIL: STRAPI_ADMIN.email,
    STRAPI_ADMIN_PASSWORD: STRAPI_ADMIN.password,
    STRAPI_EDITOR_EMAIL: STRAPI_EDITOR.email,
    STRAPI_EDITOR_PASSWORD: STRAPI_EDITOR.password,
    STRAPI_API_TOKEN: apiToken,
    ...env,
  }
  let child: ChildProcess

  const request: RunningStrapi["request"] = async (method, route, { token, body } = {}) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : undefined }
  }

  const pause = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once("exit", resolve))
    child.kill("SIGTERM")
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    if (child.exitCode === null) child.kill("SIGKILL")
  }

  const resume = async () => {
    child = setup.spawnStrapi(strapiEnv, { stdio: ["ignore", "pipe", "pipe"] })
    child.stdout!.on("data", (chunk: Buffer) => (printed += chunk))
    child.stderr!.on("data", (chunk: Buffer) => (printed += chunk))
    const deadline = Date.now() + 90_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Strapi exited during boot (code ${child.exitCode}):\n${printed.slice(-4000)}`)
      if (await fetch(`${url}/_health`).then((r) => r.status === 204, () => false)) return
      if (Date.now() > deadline) {
        await pause()
        throw new Error(`Strapi did not answer /_health within 90 s:\n${printed.slice(-4000)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  const stop = async () => {
    await pause()
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true })
  }

  await resume()

  return {
    url,
    apiToken,
    request,
    async login(user = STRAPI_ADMIN) {
      const { status, body } = await request("POST", "/admin/login", { body: user })
      if (status !== 200) throw new Error(`Strapi admin login for ${user.email} answered ${status}: ${JSON.stringify(body)}`)
      return body.data.token as string
    },
    output: () => printed,
    pause,
    resume,
    stop,
  }
}
