/**
 * Medusa's Search Module (`@medusajs/search`), loaded as an app loads it, outside jest: a throwaway database
 * migrated with the module's and the PostgreSQL provider's migrations, `MedusaApp` on a shared pg connection,
 * the engine's provider registered, the product index bound to it.
 */
import { sqlStatements } from "./sql-counter"
import type { ISearchModuleService, Logger, SearchDocument, SearchIndexDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, createPgConnection, Modules, toMikroOrmEntities } from "@medusajs/framework/utils"
import { initModules } from "@medusajs/test-utils"
import { getMikroOrmWrapper } from "@medusajs/test-utils/dist/database"
import * as searchModels from "@medusajs/search/dist/models"
import { Client } from "pg"
import path from "path"
import { productSearchIndex } from "../../src/search-indexes/product"
import { CURRENCIES } from "./catalogue"

const migrations = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "dist", "migrations")
const DB = { host: "127.0.0.1", port: 5432, user: "postgres" }
export const databaseUrl = (name: string) => `postgres://${DB.user}@${DB.host}:${DB.port}/${name}`

/** What `seed` yields for an index; the bench sets it before each reindex. */
export interface SeedSource {
  documents: SearchDocument[]
  /** Documents per `seed` page, as a graph seed pages through products. */
  pageSize: number
}

export interface EngineIndex {
  /** The index name, which `reindex({ index })` and `search({ entity })` take. */
  name: string
  /** The provider identifier the definition binds to. */
  provider: string
  source: SeedSource
}

/**
 * The product index as `productSearchIndex()` defines it (fields, settings, events), bound to one provider, with
 * `seed` streaming pre-built documents instead of reading products through `query.graph`. The catch-up pass
 * after the seed finds nothing changed.
 */
export function benchIndex(name: string, provider: string, source: SeedSource): SearchIndexDefinition {
  const definition = productSearchIndex({ name, provider, currencies: CURRENCIES })
  return {
    ...(definition as unknown as SearchIndexDefinition),
    // What `defineSearchIndex` does to the schema, without registering the definition app-wide.
    fields: definition.fields.toFields(),
    seed: async function* ({ catchup }) {
      if (catchup) return
      for (let i = 0; i < source.documents.length; i += source.pageSize) {
        yield [{ action: "upsert", documents: source.documents.slice(i, i + source.pageSize) }]
      }
    },
  }
}

export interface SearchModuleHarness {
  service: ISearchModuleService
  /** SQL statements this process has sent so far (see sql-counter.ts). */
  sqlStatements(): number
  /** The provider instance the module itself uses for `identifier`. */
  provider(identifier: string): any
  shutdown(): Promise<void>
}

const quietLogger = new Proxy({} as Logger, {
  get: (_, method) => (method === "warn" || method === "error" ? console[method as "warn"] : () => {}),
})

async function admin(sql: string) {
  const client = new Client({ ...DB, database: "postgres" })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function startSearchModule(
  databaseName: string,
  providers: { resolve: unknown; id: string; options: Record<string, unknown> }[],
  indexes: SearchIndexDefinition[],
  reindexBatchSize?: number
): Promise<SearchModuleHarness> {
  const drop = () => admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
  await drop()
  await admin(`CREATE DATABASE "${databaseName}"`)
  const clientUrl = databaseUrl(databaseName)
  const connection = createPgConnection({ clientUrl, schema: "public" })
  let medusaApp: Awaited<ReturnType<typeof initModules>>["medusaApp"]
  try {
    const orm = getMikroOrmWrapper({
      mikroOrmEntities: toMikroOrmEntities(Object.values(searchModels)),
      pathToMigrations: [migrations("@medusajs/search"), migrations("@medusajs/search-postgres")] as any,
      clientUrl,
      schema: "public",
    })
    await orm.setupDatabase()
    await orm.getOrm().close()
    ;({ medusaApp } = await initModules({
      modulesConfig: {
        [Modules.SEARCH]: {
          resolve: "@medusajs/search",
          options: {
            database: { clientUrl, schema: "public" },
            providers,
            indexes,
            ...(reindexBatchSize ? { reindex: { batch_size: reindexBatchSize } } : {}),
          },
        },
      },
      databaseConfig: { clientUrl, schema: "public" },
      injectedDependencies: { [ContainerRegistrationKeys.PG_CONNECTION]: connection, [ContainerRegistrationKeys.LOGGER]: quietLogger },
      preventConnectionDestroyWarning: true,
    }))
  } catch (error) {
    await connection.destroy()
    await drop()
    throw error
  }
  const service = medusaApp.modules[Modules.SEARCH] as unknown as ISearchModuleService
  return {
    service,
    sqlStatements,
    provider: (identifier) => (service as any).searchProviderService_.retrieve(identifier),
    async shutdown() {
      await medusaApp.onApplicationPrepareShutdown()
      await medusaApp.onApplicationShutdown()
      await connection.destroy()
      await drop()
    },
  }
}
