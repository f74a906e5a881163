/**
 * Embedding cost per reindex of the product index, with and without the embeddings cache (issue #9):
 * `node -r ts-node/register/transpile-only bench/search/embeddings.ts <products>` (5,000 by default).
 *
 * Runs two fresh processes (this script with a mode), each booting the dev store in-process on a database of its
 * own with `SEARCH_PROVIDER=meilisearch` on the in-process Meilisearch fixture, and a catalogue of `<products>`
 * real products created with their events dropped (drop-in-catalogue.ts):
 *
 * - `semantic`: `COMMERCE_BRIDGE_SEARCH_SEMANTIC_DIMENSIONS=256` (text-embedding-3-small shortened to 256), the
 *   OpenAI integration on the in-process OpenAI fixture answering `POST /v1/embeddings` after a fixed latency
 *   (BENCH_EMBEDDINGS_LATENCY_MS, 150 ms per request). Three reindexes through the Search Module:
 *   cold (the search_embedding cache table emptied first), warm (nothing changed), and after changing the
 *   description of 10% of the products. Each: wall time, embeddings requests, texts embedded, tokens (the fixture
 *   counts one token per word), the cost at text-embedding-3-small's list price, and the module's own stats.
 * - `off`: the same store without the semantic option, one reindex: the baseline for the time cost.
 *
 * Each process first runs one unmeasured reindex (JIT, connection pools), so every measured one is a second or later.
 * After each reindex the index must be ready and hold `<products>` documents, and a query must return hits
 * (hybrid, `semantic_ratio` 0.5, with embeddings; keyword without): otherwise the run fails.
 */
import { randomUUID } from "crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs"
import os from "os"
import path from "path"
import type { IProductModuleService, IEventBusModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { startMeilisearchFixture } from "../../integration-tests/__fixtures__/meilisearch"
import { startOpenAIFixture } from "../../integration-tests/__fixtures__/openai/server"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import { SEARCH_EMBEDDINGS_MODULE } from "../../src/modules/search-embeddings"
import { ensureDefaultSalesChannel, ensurePublishableKey, ensureStockLocation } from "../../src/scripts/seed/store-setup"
import { createDropInCatalogue } from "./drop-in-catalogue"
import { EmbeddingReindexFigures, EmbeddingsRun, printEmbeddings } from "./embeddings-report"
import { reportResult, runChild } from "./report"
import { bootStore, serverInstanceEnv } from "./store"

const [productsArg = "5000", mode = "all"] = process.argv.slice(2)
const PRODUCTS = Number(productsArg)
const LATENCY_MS = Number(process.env.BENCH_EMBEDDINGS_LATENCY_MS ?? 150)
const DIMENSIONS = 256
const MODEL = "text-embedding-3-small"
/** text-embedding-3-small's list price, USD per 1M tokens. */
const USD_PER_M_TOKENS = 0.02
const CHANGED_SHARE = 0.1
const INDEX = "product"
const MASTER_KEY = "bench-master-key-0123456789"
const log = (message: string) => process.stderr.write(`[search bench] embeddings (${mode}): ${message}\n`)
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

type ModeResult = { mode: string; variants: number; boot_seconds: number; create_seconds: number; runs: EmbeddingReindexFigures[] }

async function runMode(semantic: boolean): Promise<ModeResult> {
  const meili = await startMeilisearchFixture({ masterKey: MASTER_KEY })
  const openai = await startOpenAIFixture({ latencyMs: LATENCY_MS })
  const startedAt = performance.now()
  const store = await bootStore(`cb_bench_search_embeddings_${mode}_${process.pid}`, {
    SEARCH_PROVIDER: "meilisearch",
    MEILISEARCH_HOST: meili.url,
    MEILISEARCH_API_KEY: MASTER_KEY,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.url,
    OPENAI_MODEL: "gpt-4o-mini",
    COMMERCE_BRIDGE_SEARCH_SEMANTIC_DIMENSIONS: semantic ? String(DIMENSIONS) : "",
    COMMERCE_BRIDGE_SEARCH_SEMANTIC_MODEL: semantic ? MODEL : "",
    ...serverInstanceEnv(),
  })
  const bootSeconds = round((performance.now() - startedAt) / 1000)
  try {
    const container = store.container
    const search = container.resolve(Modules.SEARCH) as any
    const embeddings = container.resolve(SEARCH_EMBEDDINGS_MODULE) as any
    await (container.resolve(BRIDGE_MODULE) as any).configureIntegration("openai", { enabled: true })
    const salesChannelId = await ensureDefaultSalesChannel(container)
    const publishableKey = await ensurePublishableKey(container, salesChannelId)
    const locationId = await ensureStockLocation(container, salesChannelId)
    await bootSeedSettled(search)

    let started = performance.now()
    const catalogue = await createDropInCatalogue(container, PRODUCTS, { salesChannelId, locationId }, log)
    const createSeconds = round((performance.now() - started) / 1000)
    log(`${catalogue.products} products, ${catalogue.variants} variants created in ${createSeconds} s`)

    const check = async (run: string) => {
      const status = (await search.listIndexes()).find((entry: any) => entry.name === INDEX)?.status
      if (status !== "ready") throw new Error(`the "${INDEX}" index is ${status} after the ${run} reindex`)
      // The active version: the highest `<physical_name>_v<n>` the engine holds (the reindex dropped the older one).
      const root = search.getIndex(INDEX).physical_name as string
      await meili.waitForTasks()
      const versions = [...meili.indexes.keys()].filter((uid) => uid.startsWith(`${root}_v`))
      const physical = versions.sort((a, b) => Number(b.split("_v").pop()) - Number(a.split("_v").pop()))[0] ?? root
      const held = meili.documents(physical).length
      if (held !== PRODUCTS) throw new Error(`${physical} (of ${[...meili.indexes.keys()]}) holds ${held} documents after the ${run} reindex of ${PRODUCTS} products`)
      // Each document carries its vector as `_vectors.embedding` (a user-provided embedder), of the chosen size.
      const withVector = meili.documents(physical).filter((doc: any) => Array.isArray(doc._vectors?.embedding) && doc._vectors.embedding.length === DIMENSIONS).length
      if (semantic && withVector !== PRODUCTS) throw new Error(`${physical}: ${withVector} of ${PRODUCTS} documents carry a ${DIMENSIONS}-component embedding after the ${run} reindex`)
      const body = semantic
        ? { entity: "product", fields: ["id", "title"], filters: { q: "warm wool sweater" }, search_options: { vector: { query: "warm wool sweater", semantic_ratio: 0.5 } } }
        : { entity: "product", fields: ["id", "title"], filters: { q: "wool" } }
      const response = await fetch(`${store.url}/store/search`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
        body: JSON.stringify(body),
      })
      const text = await response.text()
      if (response.status !== 200) throw new Error(`POST /store/search answered ${response.status} after the ${run} reindex: ${text.slice(0, 500)}`)
      const hits = JSON.parse(text).results?.[0]?.hits?.length ?? 0
      if (!hits) throw new Error(`the ${semantic ? "hybrid" : "keyword"} query returned no hits after the ${run} reindex: ${text.slice(0, 500)}`)
      return hits
    }

    const runs: EmbeddingReindexFigures[] = []
    const measure = async (run: EmbeddingReindexFigures["run"]) => {
      openai.reset()
      if (semantic) embeddings.resetStats()
      const at = performance.now()
      await search.reindex({ index: INDEX })
      // The reindex resolves once the new version is active; wait for "ready" all the same.
      const deadline = Date.now() + 120_000
      while ((await search.listIndexes()).find((entry: any) => entry.name === INDEX)?.status !== "ready") {
        if (Date.now() > deadline) throw new Error(`the "${INDEX}" index is not ready 120 s after the ${run} reindex`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      const seconds = (performance.now() - at) / 1000
      const figures = {
        requests: openai.embeddingRequests.filter((request) => request.status === 200).length,
        texts: openai.embeddedInputs,
        tokens: openai.embeddingTokens,
        stats: semantic ? { ...embeddings.stats } : null,
      }
      const checkHits = await check(run)
      const row: EmbeddingReindexFigures = {
        run,
        documents: PRODUCTS,
        seconds: round(seconds),
        embedding_requests: figures.requests,
        texts_embedded: figures.texts,
        tokens: figures.tokens,
        cost_usd: round((figures.tokens * USD_PER_M_TOKENS) / 1e6, 6),
        module_stats: figures.stats,
        check_hits: checkHits,
      }
      log(`${run} reindex: ${row.seconds} s, ${row.embedding_requests} embeddings requests, ${row.texts_embedded} texts, ${row.tokens} tokens ($${row.cost_usd}); ${checkHits} hits`)
      runs.push(row)
    }

    // One unmeasured reindex first, in both processes, so every measured one meets a warm JIT and warm pools.
    started = performance.now()
    await search.reindex({ index: INDEX })
    await check("warm-up")
    log(`warm-up reindex (not measured) in ${round((performance.now() - started) / 1000)} s`)

    if (!semantic) {
      await measure("off")
    } else {
      // Cold: the cache table emptied (the warm-up's embeddings and the checks' query embeddings included).
      const ids = (await embeddings.listSearchEmbeddings({}, { select: ["id"] })).map((row: { id: string }) => row.id)
      if (ids.length) await embeddings.deleteSearchEmbeddings(ids)
      log(`cache emptied (${ids.length} rows)`)
      await measure("cold")
      await measure("warm")
      await changeDescriptions(container)
      await measure("changed")
    }
    return { mode, variants: catalogue.variants, boot_seconds: bootSeconds, create_seconds: createSeconds, runs }
  } finally {
    await store.shutdown()
    await Promise.all([meili.close(), openai.close()])
  }
}

/** A new description for every 10th product, written through the Product Module with its events dropped. */
async function changeDescriptions(container: any) {
  const productModule = container.resolve(Modules.PRODUCT) as IProductModuleService
  const events = container.resolve(Modules.EVENT_BUS) as IEventBusModuleService
  const eventGroupId = `bench-embeddings-${randomUUID()}`
  const all = await productModule.listProducts({}, { select: ["id", "handle"], take: PRODUCTS + 10 })
  const chosen = all.filter((product) => Number(product.handle!.replace("bench-", "")) % Math.round(1 / CHANGED_SHARE) === 0)
  try {
    for (let start = 0; start < chosen.length; start += 100) {
      await productModule.upsertProducts(
        chosen.slice(start, start + 100).map((product, k) => ({ id: product.id, description: `Revised in ${new Date().getUTCFullYear()}: a lighter take, batch ${start + k}, now with recycled fibres and a relaxed fit.` })),
        { eventGroupId } as any
      )
    }
  } finally {
    await events.clearGroupedEvents(eventGroupId)
  }
  log(`${chosen.length} descriptions changed`)
  return chosen.length
}

/** Waits out the Search Module's boot-time seed (see integration-tests/helpers/search.ts). */
async function bootSeedSettled(search: any) {
  const deadline = Date.now() + 60_000
  let last = ""
  let quietSince = Date.now()
  while (Date.now() < deadline) {
    const states = (await search.listIndexes()).map((index: any) => `${index.name}:${index.status}`).join(",")
    if (states !== last || states.includes(":building")) {
      last = states
      quietSince = Date.now()
    } else if (Date.now() - quietSince >= 1_500) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Run on its own: the figures go into bench/results/search.json under `embeddings_per_reindex`, the rest kept. */
function writeResult(result: EmbeddingsRun, loadAtStart: number[], runSeconds: number) {
  const file = path.join(__dirname, "..", "results", "search.json")
  mkdirSync(path.dirname(file), { recursive: true })
  const json = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  json.embeddings_per_reindex = {
    at: new Date().toISOString(),
    node: process.version,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load_average_at_start: loadAtStart.map((n) => round(n)), load_average_at_end: os.loadavg().map((n) => round(n)) },
    run_seconds: runSeconds,
    ...result,
  }
  writeFileSync(file, JSON.stringify(json, null, 2) + "\n")
}

async function main() {
  const startedAt = Date.now()
  const load = os.loadavg()
  if (mode === "semantic" || mode === "off") return reportResult(await runMode(mode === "semantic"))
  const off = await runChild<ModeResult>("embeddings.ts", [String(PRODUCTS), "off"])
  const on = await runChild<ModeResult>("embeddings.ts", [String(PRODUCTS), "semantic"])
  const runs = [...off.runs, ...on.runs]
  const seconds = (run: string) => runs.find((row) => row.run === run)!.seconds
  const result: EmbeddingsRun = {
    products: PRODUCTS,
    variants: on.variants,
    latency_ms_per_request: LATENCY_MS,
    model: MODEL,
    dimensions: DIMENSIONS,
    usd_per_million_tokens: USD_PER_M_TOKENS,
    changed_products: Math.ceil(PRODUCTS * CHANGED_SHARE),
    runs,
    ratios: {
      cold_vs_off: round(seconds("cold") / seconds("off")),
      warm_vs_off: round(seconds("warm") / seconds("off")),
      changed_vs_off: round(seconds("changed") / seconds("off")),
      cold_vs_warm: round(seconds("cold") / seconds("warm")),
    },
    boot_seconds: { off: off.boot_seconds, semantic: on.boot_seconds },
    create_seconds: { off: off.create_seconds, semantic: on.create_seconds },
    notes: [
      `OpenAI fixture, not OpenAI: deterministic embeddings after a fixed ${LATENCY_MS} ms per POST /v1/embeddings request; it counts one token per word (at least one per text), so tokens and cost are estimates (OpenAI's tokenizer gives more tokens than words).`,
      `Cost at ${MODEL}'s list price, $${USD_PER_M_TOKENS} per 1M tokens; ${DIMENSIONS} dimensions do not change the price.`,
      "Meilisearch fixture in the same process (userProvided embedder); the store, both fixtures and the bench share one Node process and the machine's two cores; PostgreSQL (which holds the embeddings cache) on the same machine.",
      "Each configuration in a fresh process on its own database; each runs one unmeasured reindex first. Times include the Search Module reading every product through query.graph.",
      `The changed run rewrites the description of every ${Math.round(1 / CHANGED_SHARE)}th product (events dropped), then reindexes everything.`,
    ],
  }
  printEmbeddings(result)
  if (!process.env.BENCH_EMBEDDINGS_NO_WRITE) writeResult(result, load, Math.round((Date.now() - startedAt) / 1000))
  reportResult(result)
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
