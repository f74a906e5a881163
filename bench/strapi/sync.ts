/**
 * Full catalogue syncs Medusa → Strapi at one batch size, in a process of its own (fresh Strapi database, fresh
 * Medusa database, fresh heap):
 * `node -r ts-node/register/transpile-only bench/strapi/sync.ts <label> <products> <batch size|shipped> <syncs>`.
 *
 * Boots the real dev Strapi with the plugin, a counting proxy in front of it, and the dev store (BullMQ, Redis
 * event bus) with `STRAPI_URL` pointing at the proxy. With the integration switched off, it writes the catalogue
 * and builds the product search index (so the store's scheduled reconciliation has nothing to repair during the
 * run); then it switches the integration on and runs the full sync the admin and Strapi's "Push all" start
 * (`startStrapiCatalogueSyncWorkflow`, every entity): pages through the store's `strapi-sync` queue worker,
 * each pushed in batches. The second sync, when asked for, pushes the same catalogue again, nothing changed.
 * Each sync is checked: the run completed with every product done, Strapi answered `created` for each product
 * (then `changed: false` for each), holds exactly that many entries, logged one catalogue write per request the
 * proxy counted, and sample entries match Medusa's products. Time spent in Strapi is summed at the proxy, and
 * time in the Strapi module's `recordPushes` (Medusa's record of each accepted batch) around that method.
 */
import { sqlStatements } from "../search/sql-counter"
import { randomUUID } from "crypto"
import os from "os"
import type { ISearchModuleService, IProductModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import type BridgeModuleService from "../../src/modules/bridge/service"
import { STRAPI_MODULE } from "../../src/modules/strapi"
import type StrapiModuleService from "../../src/modules/strapi/service"
import type { SyncRunRecord } from "../../src/modules/strapi/types"
import { STRAPI_ENTITIES } from "../../src/strapi-sync/entities"
import { resolveStrapiSyncOptions } from "../../src/strapi-sync/options"
import { startStrapiCatalogueSyncWorkflow } from "../../src/workflows/start-strapi-catalogue-sync"
import { dropPrefix } from "../engagement/redis"
import type { BenchStore } from "../search/store"
import { createCatalogue } from "./catalogue"
import { startCountingProxy } from "./proxy"
import { reportResult, SyncFigures } from "./report"
import { bootSyncStore } from "./store"
import { startBenchStrapi } from "./strapi"

const [label, productsArg, batchArg, syncsArg] = process.argv.slice(2)
const PRODUCTS = Number(productsArg)
const BATCH = batchArg === "shipped" ? undefined : Number(batchArg)
const SYNCS = Number(syncsArg)
const TIMEOUT_MS = Number(process.env.BENCH_SYNC_TIMEOUT_S || 3600) * 1000
const SAMPLE = 25
const POLL_MS = 1000
const log = (message: string) => process.stderr.write(`[strapi bench] ${label}: ${message}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places

/** Requests a full sync should send: pages of `pageSize`, each in batches of `batchSize`. */
function expectedRequests(products: number, pageSize: number, batchSize: number) {
  let requests = 0
  for (let left = products; left > 0; left -= pageSize) requests += Math.ceil(Math.min(pageSize, left) / batchSize)
  return requests
}

async function main() {
  const strapi = await startBenchStrapi()
  const proxy = await startCountingProxy(strapi.url)
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379"
  const queuePrefix = `{cbbench-${randomUUID().slice(0, 8)}}`
  let store: BenchStore | undefined
  try {
    store = await bootSyncStore(
      `cb_bench_strapi_${process.pid}`,
      {
        REDIS_URL: redisUrl,
        COMMERCE_BRIDGE_QUEUE_PREFIX: queuePrefix,
        COMMERCE_BRIDGE_SECRETS_KEY: process.env.COMMERCE_BRIDGE_SECRETS_KEY || "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        MEDUSA_WORKER_MODE: "shared",
        SEARCH_PROVIDER: "postgres",
        STRAPI_URL: proxy.url,
        STRAPI_API_TOKEN: strapi.apiToken,
        STRAPI_WEBHOOK_SECRET: "",
      },
      BATCH
    )
    const { container } = store
    const sync = container.resolve<StrapiModuleService>(STRAPI_MODULE)
    const { batchSize, pageSize } = sync.settings
    if (BATCH !== undefined && batchSize !== BATCH) throw new Error(`the store runs strapi.batchSize ${batchSize}, not ${BATCH}`)
    const bridge = container.resolve<BridgeModuleService>(BRIDGE_MODULE)
    // Timed, not changed: Medusa's bookkeeping of each batch Strapi accepted (pushed hashes and Strapi's ids).
    let recordMs = 0
    const recordPushes = sync.recordPushes.bind(sync)
    sync.recordPushes = async (...args) => {
      const at = performance.now()
      try {
        return await recordPushes(...args)
      } finally {
        recordMs += performance.now() - at
      }
    }

    await bridge.configureIntegration("strapi", { enabled: false })
    let started = Date.now()
    const created = await createCatalogue(container, PRODUCTS)
    if (created !== PRODUCTS) throw new Error(`${created} products created, not ${PRODUCTS}`)
    const catalogueSeconds = (Date.now() - started) / 1000
    log(`${PRODUCTS} products created in ${catalogueSeconds.toFixed(1)} s`)
    started = Date.now()
    await container.resolve<ISearchModuleService>(Modules.SEARCH).reindex({ index: "product" })
    const reindexSeconds = (Date.now() - started) / 1000
    log(`product search index built in ${reindexSeconds.toFixed(1)} s`)
    await bridge.configureIntegration("strapi", { enabled: true })
    if ((await strapi.entries()) !== 0 || proxy.counts().catalogue_writes !== 0) throw new Error("products reached Strapi before the sync")

    const products = await container.resolve<IProductModuleService>(Modules.PRODUCT).listProducts({}, { select: ["id", "title", "handle"], take: null })
    const sample = Array.from({ length: SAMPLE }, (_, i) => products[Math.floor((i * products.length) / SAMPLE)])
    const figures: SyncFigures[] = []
    for (let n = 0; n < SYNCS; n++) {
      const kind: SyncFigures["sync"] = n === 0 ? "full" : "unchanged"
      proxy.reset()
      recordMs = 0
      const logsBefore = await strapi.catalogueLogs()
      const loadBefore = os.loadavg()[0]
      const sql0 = sqlStatements()
      const cpu0 = process.cpuUsage()
      const strapiCpu0 = strapi.cpuMs()
      const startedAt = Date.now()
      const { result } = await startStrapiCatalogueSyncWorkflow(container).run({ input: { entities: [...STRAPI_ENTITIES] } })
      let run: SyncRunRecord = result
      while (run.status === "running") {
        if (Date.now() - startedAt > TIMEOUT_MS) throw new Error(`sync ${run.id} still running after ${TIMEOUT_MS} ms: ${run.done} of ${run.total} done`)
        await sleep(POLL_MS)
        run = await sync.retrieveRun(run.id)
      }
      const cpu = process.cpuUsage(cpu0)
      const strapiCpu1 = strapi.cpuMs()
      const sql = sqlStatements() - sql0
      const loadAfter = os.loadavg()[0]
      const counts = proxy.counts()
      if (run.status !== "completed") throw new Error(`sync ${run.id} ${run.status}: ${run.error}`)
      const wallMs = new Date(run.finished_at!).getTime() - startedAt

      // The checks: a benchmark that does not check its result measures nothing.
      const problems: string[] = []
      const expect = (what: string, actual: unknown, expected: unknown) => actual !== expected && problems.push(`${what}: ${actual}, expected ${expected}`)
      expect("run total", run.total, PRODUCTS)
      expect("run done", run.done, PRODUCTS)
      expect("run failed", run.failed, 0)
      expect("documents Strapi answered for", counts.documents, PRODUCTS)
      expect("entries created", counts.created, kind === "full" ? PRODUCTS : 0)
      expect("distinct ids created", counts.created_ids, kind === "full" ? PRODUCTS : 0)
      expect("entries changed", counts.changed, 0)
      expect("catalogue requests", counts.catalogue_writes, expectedRequests(PRODUCTS, pageSize, batchSize))
      expect("HTTP errors", counts.errors, 0)
      const entries = await strapi.entries()
      expect("Strapi entries", entries, PRODUCTS)
      const logs = (await strapi.catalogueLogs()) - logsBefore
      expect("Strapi catalogue log entries", logs, counts.catalogue_writes)
      const [, pushRecords] = await sync.listAndCountCmsContents({ entity: "product" }, { take: 1 })
      expect("Medusa push records", pushRecords, PRODUCTS)
      for (const product of sample) {
        const entry = await strapi.entry(product.id)
        if (entry?.title !== product.title || entry?.handle !== product.handle) problems.push(`Strapi entry of ${product.id}: ${JSON.stringify(entry)}`)
      }
      if (problems.length) throw new Error(`${kind} sync at batch ${batchSize} did not do its job:\n  ${problems.join("\n  ")}`)

      const row: SyncFigures = {
        sync: kind,
        batch_size: batchSize,
        page_size: pageSize,
        products: PRODUCTS,
        wall_s: round(wallMs / 1000),
        products_per_s: round((PRODUCTS * 1000) / wallMs, 1),
        catalogue_requests: counts.catalogue_writes,
        expected_requests: expectedRequests(PRODUCTS, pageSize, batchSize),
        requests_per_product: round(counts.catalogue_writes / PRODUCTS, 4),
        other_requests: counts.other,
        http_errors: counts.errors,
        documents: counts.documents,
        created: counts.created,
        changed: counts.changed,
        unchanged: counts.documents - counts.created - counts.changed,
        strapi_s: round(counts.strapi_ms / 1000),
        strapi_share_pct: round((100 * counts.strapi_ms) / wallMs, 1),
        record_pushes_s: round(recordMs / 1000),
        record_pushes_share_pct: round((100 * recordMs) / wallMs, 1),
        medusa_cpu_ms_per_product: round((cpu.user + cpu.system) / 1000 / PRODUCTS),
        strapi_cpu_ms_per_product: strapiCpu0 === null || strapiCpu1 === null ? null : round((strapiCpu1 - strapiCpu0) / PRODUCTS),
        sql_statements: sql,
        sql_per_product: round(sql / PRODUCTS),
        strapi_entries: entries,
        strapi_catalogue_logs: logs,
        medusa_push_records: pushRecords,
        sample_checked: sample.length,
        load_1m_before: round(loadBefore),
        load_1m_after: round(loadAfter),
      }
      log(`${kind} sync: ${row.products_per_s} products/s, ${row.catalogue_requests} requests (${row.requests_per_product}/product), checks passed`)
      figures.push(row)
      await sleep(2000)
    }
    reportResult({
      label,
      products: PRODUCTS,
      batch_size: batchSize,
      shipped_batch_size: resolveStrapiSyncOptions().batchSize,
      page_size: pageSize,
      catalogue_created_s: round(catalogueSeconds, 1),
      search_reindex_s: round(reindexSeconds, 1),
      syncs: figures,
    })
  } catch (error) {
    log(`failed; Strapi's last output:\n${strapi.output().slice(-3000) || "(none)"}`)
    throw error
  } finally {
    await store?.shutdown().catch((error) => log(`store shutdown: ${error.message}`))
    await proxy.close()
    await strapi.stop()
    await dropPrefix(redisUrl, queuePrefix).catch(() => 0)
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
