/**
 * Query latency through the store route, in a process of its own:
 * `node -r ts-node/register/transpile-only bench/search/route.ts <engine> <documents> <rounds>`.
 *
 * Boots the dev store as an HTTP server instance (`MEDUSA_WORKER_MODE=server`) with `SEARCH_PROVIDER=<engine>`;
 * `db:migrate` creates the product index (`src/search/product.ts`) and a reindex builds its first version, then the
 * generated catalogue goes into the version the module holds active, through the Search Module's `upsertDocuments`. Each query of the mix then runs three ways,
 * interleaved: the provider directly (the query the module would hand it), `query.search` in-process (what the
 * route calls), and `POST /store/search` over HTTP with a publishable key.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { normalizeSearchQuery } from "@medusajs/search/dist/utils"
import { percentile } from "../notifications/measure"
import { startMeilisearchFixture } from "../../integration-tests/__fixtures__/meilisearch"
import { startOpenSearchFixture } from "../../integration-tests/__fixtures__/opensearch"
import { ensureDefaultSalesChannel, ensurePublishableKey } from "../../src/scripts/seed/store-setup"
import { SEARCH_PROVIDER_IDS, SearchEngine } from "../../src/search-sync/module-config"
import { productDocuments } from "./catalogue"
import { scopedFilters, storeQueries } from "./queries"
import { LatencyFigures, reportResult } from "./report"
import { bootStore, serverInstanceEnv } from "./store"

const [engine, documentsArg, roundsArg] = process.argv.slice(2) as [SearchEngine, string, string]
const DOCUMENTS = Number(documentsArg)
const ROUNDS = Number(roundsArg)
const INDEX = "product"
const log = (message: string) => process.stderr.write(`[search bench] route (${engine}): ${message}\n`)

/** The engine's connection for medusa-config: a real server when its variable is set, else a local fixture. */
async function engineEnv(): Promise<{ env: Record<string, string>; where: string; close(): Promise<void> }> {
  if (engine === "meilisearch" && !process.env.MEILISEARCH_HOST) {
    const fixture = await startMeilisearchFixture({ masterKey: "bench-master-key-0123456789" })
    return { env: { MEILISEARCH_HOST: fixture.url, MEILISEARCH_API_KEY: "bench-master-key-0123456789" }, where: "fixture", close: () => fixture.close() }
  }
  if (engine === "opensearch" && !process.env.OPENSEARCH_NODE) {
    const fixture = await startOpenSearchFixture()
    return { env: { OPENSEARCH_NODE: fixture.url }, where: "fixture", close: () => fixture.close() }
  }
  const where = engine === "postgres" ? "local PostgreSQL" : (engine === "meilisearch" ? process.env.MEILISEARCH_HOST : process.env.OPENSEARCH_NODE)!
  return { env: {}, where, close: async () => {} }
}

async function main() {
  const connection = await engineEnv()
  const store = await bootStore(`cb_bench_search_route_${process.pid}`, {
    ...connection.env,
    SEARCH_PROVIDER: engine,
    ...serverInstanceEnv(),
  })
  try {
    const search = store.container.resolve(Modules.SEARCH) as any
    const query = store.container.resolve(ContainerRegistrationKeys.QUERY)
    const provider = search.searchProviderService_.retrieve(SEARCH_PROVIDER_IDS[engine])
    // A server instance does not seed at boot; build the first version as a worker (or the admin) would.
    await search.reindex({ index: INDEX })
    const status = (await search.listIndexes()).find((entry: any) => entry.name === INDEX)?.status
    if (status !== "ready") throw new Error(`the "${INDEX}" index is ${status} after its reindex`)
    const salesChannelId = await ensureDefaultSalesChannel(store.container)
    const publishableKey = await ensurePublishableKey(store.container, salesChannelId)

    let started = performance.now()
    for (let from = 0; from < DOCUMENTS; from += 1000) {
      const task = await search.upsertDocuments({ index: INDEX, documents: productDocuments(from, Math.min(1000, DOCUMENTS - from), salesChannelId) })
      if (task.status !== "succeeded" && provider.waitForTask) await provider.waitForTask(task, { timeout_ms: 300_000 })
    }
    const preloadSeconds = round((performance.now() - started) / 1000)
    log(`${DOCUMENTS} documents written into the active index in ${preloadSeconds} s`)

    const active = await search.resolveActiveDefinition_(INDEX, { fresh: true })
    const retrievable: string[] = search.listRetrievableFields(INDEX)
    const queries = storeQueries(INDEX)
    const paths = {
      provider: async (body: any) => {
        const input = normalizeSearchQuery({ query: { ...body, fields: retrievable, filters: scopedFilters(body.filters, [salesChannelId]) }, index: active })
        const [result] = provider.searchMany ? await provider.searchMany([input]) : [await provider.search(input)]
        return result
      },
      module: async (body: any) => {
        const [{ search_result }] = await query.search([{ ...body, filters: scopedFilters(body.filters, [salesChannelId]) }])
        return search_result
      },
      route: async (body: any) => {
        const response = await fetch(`${store.url}/store/search`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
          body: JSON.stringify(body),
        })
        if (response.status !== 200) throw new Error(`POST /store/search answered ${response.status}: ${await response.text()}`)
        return ((await response.json()) as any).results[0]
      },
    }
    type PathName = keyof typeof paths
    const names = Object.keys(paths) as PathName[]

    // One unmeasured round warms connections, caches and JIT; it also checks that every path agrees.
    const catalogued = await paths.route({ entity: INDEX, filters: {}, pagination: { take: 0 } })
    const matches: (number | null)[] = []
    for (const { label, body } of queries) {
      const results = []
      const times = []
      for (const name of names) {
        const at = performance.now()
        results.push(await paths[name](body))
        times.push(Math.round(performance.now() - at))
      }
      // Without `q` the order of equal hits is the engine's to choose, so the paths are compared on their counts.
      const answers = results.map((result) => result.metadata?.count)
      if (new Set(answers).size !== 1) throw new Error(`the three paths disagree on a ${label} query: ${JSON.stringify(body.filters)}`)
      matches.push(results[0].metadata?.count ?? null)
      log(`warm-up ${label} ${JSON.stringify(body.filters)}: ${results[0].metadata?.count} matches, ${times.join(" / ")} ms`)
    }
    const expected = queries.map((_, q) => matches[q])
    const samples: Record<PathName, number[]> = { provider: [], module: [], route: [] }
    const byLabel: Record<string, number[]> = {}
    started = performance.now()
    for (let pass = 0; pass < ROUNDS; pass++) {
      for (const [q, { label, body }] of queries.entries()) {
        // Rotate which path goes first, so none always meets a colder cache.
        for (let k = 0; k < names.length; k++) {
          const name = names[(pass + q + k) % names.length]
          const at = performance.now()
          const result = await paths[name](body)
          const ms = performance.now() - at
          if (result.metadata?.count !== expected[q]) throw new Error(`${name} found ${result.metadata?.count} for a ${label} query, not ${expected[q]}`)
          samples[name].push(ms)
          if (name === "route") (byLabel[label] ??= []).push(ms)
        }
      }
    }
    log(`${ROUNDS} rounds of ${queries.length} queries × 3 paths in ${Math.round((performance.now() - started) / 1000)} s`)
    const figures = (name: PathName): LatencyFigures => ({
      path: name,
      queries: samples[name].length,
      p50_ms: round(percentile(samples[name], 50)),
      p95_ms: round(percentile(samples[name], 95)),
      mean_ms: round(samples[name].reduce((sum, ms) => sum + ms, 0) / samples[name].length),
    })
    reportResult({
      engine,
      engine_at: connection.where,
      documents: DOCUMENTS,
      preload_seconds: preloadSeconds,
      published_in_channel: catalogued.metadata?.count ?? null,
      rounds: ROUNDS,
      query_mix: queries.map(({ label, body }, i) => ({ label, filters: body.filters, search_options: body.search_options, matches: matches[i] })),
      latency: names.map(figures),
      route_by_kind: Object.fromEntries(
        Object.entries(byLabel).map(([label, values]) => [label, { p50_ms: round(percentile(values, 50)), p95_ms: round(percentile(values, 95)) }])
      ),
    })
  } finally {
    await store.shutdown()
    await connection.close()
  }
}

const round = (n: number) => Math.round(n * 100) / 100

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
