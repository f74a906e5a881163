/**
 * The dev store (medusa-config.ts), booted in this process on a database of its own, created and migrated here,
 * and served over HTTP on a loopback port. Migrations run asynchronously: `db:migrate` creates the search
 * index through the provider, and an engine fixture living in this process has to be able to answer it.
 */
import { execFile } from "child_process"
import { randomUUID } from "crypto"
import type { Server } from "http"
import type { AddressInfo } from "net"
import path from "path"
import { promisify } from "util"
import express from "express"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Client } from "pg"

const ROOT = path.join(__dirname, "..", "..")
const run = promisify(execFile)

export interface BenchStore {
  container: MedusaContainer
  url: string
  shutdown(): Promise<void>
}

async function admin(sql: string) {
  const client = new Client({ host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres" })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * The store as an HTTP server instance runs in production: no scheduled jobs (the reconciliation job would rebuild an
 * index holding generated documents mid-run), and no Redis, which plays no part in answering a search.
 */
export function serverInstanceEnv(): Record<string, string> {
  return {
    MEDUSA_WORKER_MODE: "server",
    REDIS_URL: "",
    COMMERCE_BRIDGE_QUEUE_PREFIX: `{cbbench-${randomUUID().slice(0, 8)}}`,
    COMMERCE_BRIDGE_SECRETS_KEY: process.env.COMMERCE_BRIDGE_SECRETS_KEY || "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
  }
}

export async function bootStore(databaseName: string, env: Record<string, string>): Promise<BenchStore> {
  Object.assign(process.env, {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${databaseName}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    ...env,
  })
  const drop = () => admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
  await drop()
  await admin(`CREATE DATABASE "${databaseName}"`)
  const app = express()
  let booted: { container: MedusaContainer; shutdown(): Promise<void> }
  try {
    await run("npx", ["medusa", "db:migrate"], { cwd: ROOT, env: process.env, maxBuffer: 64 * 1024 * 1024 })
    booted = await require("@medusajs/medusa/loaders/index").default({ directory: ROOT, expressApp: app })
  } catch (error) {
    await drop()
    throw error
  }
  const { container, shutdown } = booted
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening))
  })
  return {
    container,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async shutdown() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await shutdown()
      await drop()
    },
  }
}
