import { ChildProcess, spawn } from "child_process"
import net from "net"

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on("error", reject)
  })
}

export interface RunningProcess {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
  stop: () => Promise<void>
}

/** Starts a command in its own process group, keeping its output for assertions and failures. */
export function startProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): RunningProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  let output = ""
  child.stdout!.on("data", (chunk) => (output += chunk))
  child.stderr!.on("data", (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill("SIGTERM")
      const timeout = new Promise((resolve) => setTimeout(resolve, 20_000))
      await Promise.race([exited, timeout])
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // already gone
      }
    },
  }
}

/** Polls until `probe` resolves truthy, failing with the process output when it never does. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, { timeoutMs, what, process }: { timeoutMs: number; what: string; process?: RunningProcess }) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (process && process.child.exitCode !== null) break
    const value = await probe().catch(() => undefined)
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`Timed out waiting for ${what}.${process ? `\n--- output ---\n${process.output().slice(-4000)}` : ""}`)
}

/** The environment of a dev store (`npm run dev`) on its own port and database, with its admin user. */
export function devStoreEnv(options: { port: number; database: string; admin: { email: string; password: string } }): NodeJS.ProcessEnv {
  const baseUrl = `http://localhost:${options.port}`
  return {
    ...process.env,
    NODE_ENV: "development",
    NODE_OPTIONS: "",
    PORT: String(options.port),
    DATABASE_URL: `postgres://postgres@localhost:5432/${options.database}`,
    MEDUSA_ADMIN_EMAIL: options.admin.email,
    MEDUSA_ADMIN_PASSWORD: options.admin.password,
    MEDUSA_ADMIN_DISABLED: "false",
    MEDUSA_BACKEND_URL: baseUrl,
    ADMIN_CORS: baseUrl,
    AUTH_CORS: baseUrl,
    // The Strapi specs start it on a port and database of their own.
    DEV_STRAPI: "false",
  }
}
