/**
 * The dev store (bench/search/store.ts: its own database, migrated, booted in this process), with the Strapi
 * module's `strapi.batchSize` set for the run. medusa-config.ts reads no variable for it, so the bench loads the
 * config first (Medusa's config loader `require`s the same module and gets this object) and passes the option
 * the way a store passes plugin options. Without `batchSize` the store boots as shipped.
 */
import path from "path"
import { bootStore, BenchStore } from "../search/store"

const ROOT = path.join(__dirname, "..", "..")

export async function bootSyncStore(databaseName: string, env: Record<string, string>, batchSize?: number): Promise<BenchStore> {
  // What bench/search/store.ts sets, set before medusa-config.ts reads the environment.
  Object.assign(process.env, {
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${databaseName}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_ADMIN_DISABLED: "true",
    ...env,
  })
  const loaded = require(path.join(ROOT, "medusa-config"))
  const config = loaded.default ?? loaded
  if (config.projectConfig.databaseUrl !== process.env.DATABASE_URL) {
    throw new Error("medusa-config.ts was loaded before the bench set DATABASE_URL")
  }
  if (batchSize !== undefined) {
    const strapi = config.modules.commerceBridgeStrapi
    strapi.options = { ...strapi.options, strapi: { ...strapi.options.strapi, batchSize } }
  }
  return bootStore(databaseName, env)
}
