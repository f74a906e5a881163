/**
 * The dev store, booted in this process on a database of its own (created and migrated here),
 * with the queue and event bus on Redis as in production.
 */
import { execFileSync } from "child_process"
import path from "path"
import express from "express"
import type { MedusaContainer } from "@medusajs/framework/types"

const ROOT = path.join(__dirname, "..", "..")

export interface BenchApp {
  container: MedusaContainer
  shutdown(): Promise<void>
}

export async function bootStore(databaseName: string, env: Record<string, string>): Promise<BenchApp> {
  const databaseUrl = `postgres://postgres@localhost:5432/${databaseName}`
  Object.assign(process.env, { DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true", MEDUSA_ADMIN_DISABLED: "true", ...env })
  const psql = (sql: string) => execFileSync("psql", ["-h", "localhost", "-U", "postgres", "-q", "-c", sql], { stdio: "ignore" })
  psql(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
  psql(`CREATE DATABASE ${databaseName}`)
  execFileSync("npx", ["medusa", "db:migrate"], { cwd: ROOT, stdio: "ignore", env: process.env })
  const loaders = require("@medusajs/medusa/loaders/index").default
  const { container, shutdown } = await loaders({ directory: ROOT, expressApp: express() })
  return {
    container,
    async shutdown() {
      await shutdown()
      psql(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
    },
  }
}
