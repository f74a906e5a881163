/**
 * One engine's write figures, in a process of its own (fresh fixture, fresh database, fresh heap):
 * `node -r ts-node/register/transpile-only bench/search/reindex.ts <engine> <sizes> <single>`.
 *
 * 1. Reindex: the Search Module's own `reindex({ index })` — new version, `upsertIndex`, the seed streamed in
 *    batches of the module's `reindex.batch_size` (100 by default), each written and waited for, catch-up pass,
 *    swap, clean-up — for each size in turn.
 * 2. Single-document writes: one `upsertDocuments` call and one wait per product, on the same provider instance,
 *    into a fresh physical index, the way a plugin syncing each product on its own event does.
 */
import { sqlStatements } from "./sql-counter"
import { productDocuments } from "./catalogue"
import { EngineName, startEngine } from "./engines"
import { benchIndex, SeedSource, startSearchModule } from "./module"
import { reportResult, WriteFigures } from "./report"

const [engineName, sizesArg, singleArg] = process.argv.slice(2)
const sizes = sizesArg.split(",").map(Number)
const single = Number(singleArg)
const batchSize = process.env.BENCH_BATCH_SIZE ? Number(process.env.BENCH_BATCH_SIZE) : undefined
const log = (message: string) => process.stderr.write(`[search bench] ${engineName}: ${message}\n`)

async function main() {
  const engine = await startEngine(engineName as EngineName)
  const source: SeedSource = { documents: [], pageSize: 1000 }
  const all = productDocuments(0, Math.max(...sizes, single), "sc_bench")
  const index = `product_${engine.name}`
  const harness = await startSearchModule(`cb_bench_search_${engine.name}_${process.pid}`, [engine.registration], [benchIndex(index, engine.identifier, source)], batchSize)
  const figures: WriteFigures[] = []
  const measure = async (mode: WriteFigures["mode"], documents: number, run: () => Promise<void>) => {
    const http0 = engine.httpRequests()
    const sql0 = sqlStatements()
    const started = performance.now()
    await run()
    const seconds = (performance.now() - started) / 1000
    const http = engine.httpRequests() === null ? null : engine.httpRequests()! - http0!
    const sql = sqlStatements() - sql0
    const row: WriteFigures = {
      engine: engine.name,
      mode,
      documents,
      seconds: round(seconds),
      docs_per_s: round(documents / seconds),
      http_requests: http,
      http_requests_per_10k: http === null ? null : round((http * 10_000) / documents),
      sql_statements: sql,
      sql_statements_per_10k: round((sql * 10_000) / documents),
    }
    log(`${mode} ${documents} documents: ${row.docs_per_s} docs/s, ${http ?? "-"} HTTP requests, ${sql} SQL statements`)
    figures.push(row)
  }
  try {
    // What `db:migrate` and the first boot do: the index record and its first version, seeded (empty) and active.
    await harness.service.executeIndexMigrationPlan(await harness.service.createIndexMigrationPlan())
    await (harness.service as unknown as { onApplicationStart_(): Promise<void> }).onApplicationStart_()
    const provider = harness.provider(engine.identifier)
    const stored = async (physical: string) => (await provider.listIndexes()).find((info: any) => info.name === physical)?.document_count
    const activePhysical = async () => {
      const names: string[] = (await provider.listIndexes()).map((info: any) => info.name).filter((name: string) => name.startsWith(`${index}_v`))
      return names.sort((a, b) => Number(b.split("_v").pop()) - Number(a.split("_v").pop()))[0]
    }

    for (const size of sizes) {
      source.documents = all.slice(0, size)
      await measure("reindex", size, async () => {
        await harness.service.reindex({ index })
      })
      const physical = await activePhysical()
      const count = await stored(physical)
      if (count !== size) throw new Error(`${physical} holds ${count} documents after reindexing ${size}`)
    }

    if (single > 0) {
      const definition = harness.service.getIndex(index)
      const target = { ...definition, physical_name: `${definition.physical_name}_single` }
      await settle(provider, await provider.upsertIndex({ index: target }))
      await measure("single", single, async () => {
        for (const document of all.slice(0, single)) {
          await settle(provider, await provider.upsertDocuments({ index: target.physical_name, definition: target, documents: [document] }))
        }
      })
      const count = await stored(target.physical_name)
      if (count !== single) throw new Error(`${target.physical_name} holds ${count} documents after ${single} single writes`)
      await provider.deleteIndex({ index: target.physical_name })
    }
    reportResult({ engine: engine.name, batch_size: batchSize ?? 100, figures })
  } finally {
    await harness.shutdown()
    await engine.close()
  }
}

/** What the module's seeding does after each write: wait unless the provider says it is done already. */
async function settle(provider: any, task: { status: string; error?: { message: string } }) {
  if (task.status === "failed") throw new Error(task.error?.message)
  if (task.status === "succeeded" || !provider.waitForTask) return
  const done = await provider.waitForTask(task)
  if (done.status !== "succeeded") throw new Error(done.error?.message ?? `task ${done.status}`)
}

const round = (n: number) => Math.round(n * 100) / 100

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
