import type { ISearchModuleService, Logger, SearchQuery, SearchResult, SearchTask } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import * as searchModels from "@medusajs/search/dist/models"
import { Client } from "pg"
import path from "path"
import { catalogue, contractDocuments, contractIndex, INDEX } from "./contract-index"
import type { ContractEngine, EngineProbe } from "./engines"

/** Lower-case and short: it ends up in database names and in Meilisearch / OpenSearch index names. */
export const RUN_ID = `${process.pid.toString(36)}${Date.now().toString(36)}`

let tests = 0
export const nextPrefix = (runPrefix: string) => `${runPrefix}${++tests}_`

const migrations = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "dist", "migrations")

/** Keeps the module's per-seed progress lines out of the test output; warnings and errors still show. */
const quietLogger = new Proxy({} as Logger, {
  get: (_, method) => (method === "warn" || method === "error" ? console[method] : () => {}),
})

/** `moduleIntegrationTestRunner` options that load `@medusajs/search` as an app does, with one provider and our definition. */
export function searchModuleConfig(engine: ContractEngine, dbName: string) {
  return {
    moduleName: Modules.SEARCH,
    resolve: "@medusajs/search",
    dbName,
    // The module's own tables plus the Postgres provider's catalog, each from its package's migrations.
    moduleModels: Object.values(searchModels),
    pathToMigrations: [migrations("@medusajs/search"), migrations("@medusajs/search-postgres")] as any,
    moduleOptions: { providers: [engine.provider], indexes: [contractIndex()] },
    injectedDependencies: { [ContainerRegistrationKeys.LOGGER]: quietLogger },
  }
}

export interface ContractContext {
  service: ISearchModuleService
  engine: ContractEngine
  probe(): EngineProbe
  /** The migration plan the first `db:migrate` of this test produced. */
  firstPlan: Awaited<ReturnType<ISearchModuleService["createIndexMigrationPlan"]>>
}

/**
 * What `db:migrate` and then the first boot do: plan and execute the index migration, then run the
 * seed plan the module's `onApplicationStart` hook runs (the hook itself does not wait for it).
 */
export async function migrateAndSeed(ctx: ContractContext) {
  catalogue.documents = contractDocuments()
  ctx.firstPlan = await ctx.service.createIndexMigrationPlan()
  await ctx.service.executeIndexMigrationPlan(ctx.firstPlan)
  await (ctx.service as unknown as { onApplicationStart_(): Promise<void> }).onApplicationStart_()
}

/** The module does not wait for its writes; a caller that reads its own write waits through the engine. */
export async function settled(ctx: ContractContext, write: Promise<SearchTask>) {
  const task = await write
  if (task.status === "succeeded") return task
  const done = await ctx.probe().waitForTask!(task)
  expect(done.status).toBe("succeeded")
  return done
}

/**
 * The physical indexes the engine still holds, once it has applied the drops the module asked for:
 * the module does not wait for a provider's `deleteIndex` task, and Meilisearch applies it later.
 */
export async function remainingIndexes(ctx: ContractContext, expected: string[], timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const names = (await ctx.probe().listIndexes()).map((index) => index.name).sort()
    if (JSON.stringify(names) === JSON.stringify(expected) || Date.now() > deadline) return names
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export const search = (ctx: ContractContext, query: Omit<SearchQuery, "entity"> = {}) => ctx.service.search({ entity: INDEX, ...query })
export const ids = (result: SearchResult) => result.hits.map((hit) => hit.id)
export const idSet = (result: SearchResult) => ids(result).sort()

/** A promise's rejection, or a failure if it resolved. */
export const rejection = (promise: Promise<unknown>): Promise<any> =>
  promise.then(
    () => Promise.reject(new Error("expected a rejection")),
    (error) => error
  )

/** Drops a database this run created; FORCE ends connections a pool may still hold. */
export async function dropDatabase(name: string) {
  const client = new Client({
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}
