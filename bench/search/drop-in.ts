/**
 * The drop-in product listing against Medusa's own, in a process of its own:
 * `node -r ts-node/register/transpile-only bench/search/drop-in.ts <engine> <products> <rounds>`.
 *
 * Boots the dev store as an HTTP server instance with `SEARCH_PROVIDER=<engine>` (PostgreSQL by default), creates
 * a real catalogue of `<products>` products in Medusa (drop-in-catalogue.ts), builds the product index with the
 * Search Module's reindex, then runs a query mix over HTTP against `GET /store/commerce-bridge/products` and
 * `GET /store/products`, interleaved, alternating which goes first. Every answer is checked: both 200, the
 * drop-in answered by the engine (not its fallback), the same `count`, and where an order is given (every
 * kind but the plain listing and `q`) the same product ids in the same order. A disagreement fails the run.
 */
import { Modules } from "@medusajs/framework/utils"
import { percentile } from "../notifications/measure"
import {
  ensureDefaultSalesChannel,
  ensurePublishableKey,
  ensureRegions,
  ensureStockLocation,
  ensureTaxRegions,
} from "../../src/scripts/seed/store-setup"
import { createDropInCatalogue } from "./drop-in-catalogue"
import { reportResult } from "./report"
import { bootStore, serverInstanceEnv } from "./store"

const [engine = "postgres", productsArg = "10000", roundsArg = "5"] = process.argv.slice(2)
const PRODUCTS = Number(productsArg)
const ROUNDS = Number(roundsArg)
const INDEX = "product"
const ROUTES = { "drop-in": "/store/commerce-bridge/products", native: "/store/products" } as const
type RouteName = keyof typeof ROUTES
const log = (message: string) => process.stderr.write(`[search bench] drop-in (${engine}): ${message}\n`)
const round = (n: number) => Math.round(n * 100) / 100

export interface DropInQuery {
  /** The kind the figures are grouped by; `+ prices` when it asks for calculated prices and stock. */
  kind: string
  params: Record<string, string>
  /** Whether both routes must return the same ids in the same order (an order is given, no `q`). */
  ordered: boolean
}

export interface DropInFigures {
  route: RouteName
  queries: number
  p50_ms: number
  p95_ms: number
  mean_ms: number
}

function queryMix(products: number, refs: { regionId: string; categoryId: string; collectionId: string }): DropInQuery[] {
  const far = String(Math.max(0, Math.floor(products / 2) - 20))
  const base: DropInQuery[] = [
    { kind: "list", params: { offset: "0" }, ordered: false },
    { kind: "list", params: { offset: "100" }, ordered: false },
    { kind: "list", params: { offset: far }, ordered: false },
    { kind: "order=title", params: { order: "title", offset: "0" }, ordered: true },
    { kind: "order=title", params: { order: "title", offset: far }, ordered: true },
    { kind: "order=-created_at", params: { order: "-created_at", offset: "0" }, ordered: true },
    { kind: "order=-created_at", params: { order: "-created_at", offset: far }, ordered: true },
    { kind: "category_id", params: { category_id: refs.categoryId, order: "title" }, ordered: true },
    { kind: "collection_id", params: { collection_id: refs.collectionId, order: "-created_at" }, ordered: true },
    { kind: "q", params: { q: "linen" }, ordered: false },
    { kind: "q", params: { q: "wool" }, ordered: false },
  ]
  const priced = { region_id: refs.regionId, fields: "*variants.calculated_price,+variants.inventory_quantity" }
  return base.flatMap((query) => [
    { ...query, params: { limit: "20", ...query.params } },
    { ...query, kind: `${query.kind} + prices`, params: { limit: "20", ...query.params, ...priced } },
  ])
}

async function main() {
  const startedAt = performance.now()
  const store = await bootStore(`cb_bench_search_drop_in_${process.pid}`, {
    SEARCH_PROVIDER: engine,
    ...serverInstanceEnv(),
  })
  const bootSeconds = round((performance.now() - startedAt) / 1000)
  try {
    const container = store.container
    const search = container.resolve(Modules.SEARCH) as any
    const salesChannelId = await ensureDefaultSalesChannel(container)
    const publishableKey = await ensurePublishableKey(container, salesChannelId)
    const regions = await ensureRegions(container)
    await ensureTaxRegions(container)
    const locationId = await ensureStockLocation(container, salesChannelId)

    let started = performance.now()
    const catalogue = await createDropInCatalogue(container, PRODUCTS, { salesChannelId, locationId }, log)
    const createSeconds = round((performance.now() - started) / 1000)
    log(`${catalogue.products} products, ${catalogue.variants} variants created in ${createSeconds} s`)

    started = performance.now()
    await search.reindex({ index: INDEX })
    const reindexSeconds = round((performance.now() - started) / 1000)
    const status = (await search.listIndexes()).find((entry: any) => entry.name === INDEX)?.status
    if (status !== "ready") throw new Error(`the "${INDEX}" index is ${status} after its reindex`)
    log(`product index rebuilt by the Search Module's reindex in ${reindexSeconds} s`)

    const queries = queryMix(PRODUCTS, { regionId: regions["Europe"], categoryId: catalogue.categoryIds[3], collectionId: catalogue.collectionIds[2] })
    const call = async (route: RouteName, query: DropInQuery) => {
      const at = performance.now()
      const response = await fetch(`${store.url}${ROUTES[route]}?${new URLSearchParams(query.params)}`, {
        headers: { "x-publishable-api-key": publishableKey },
      })
      const text = await response.text()
      const ms = performance.now() - at
      if (response.status !== 200) throw new Error(`${route} answered ${response.status} to ${query.kind} ${JSON.stringify(query.params)}: ${text.slice(0, 500)}`)
      if (route === "drop-in" && response.headers.get("x-commerce-bridge-search") !== "engine") {
        throw new Error(`the drop-in fell back to Medusa (${response.headers.get("x-commerce-bridge-search-reason")}) on ${query.kind} ${JSON.stringify(query.params)}`)
      }
      const body = JSON.parse(text) as { count: number; products: { id: string; variants?: any[] }[] }
      return { ms, body }
    }
    /** Both answers of one query, checked; returns what differs in the products' prices, for the record. */
    const check = (query: DropInQuery, answers: Record<RouteName, { body: any }>) => {
      const [dropIn, native] = [answers["drop-in"].body, answers.native.body]
      const where = `${query.kind} ${JSON.stringify(query.params)}`
      if (dropIn.count !== native.count) throw new Error(`count differs on ${where}: drop-in ${dropIn.count}, native ${native.count}`)
      if (dropIn.products.length !== native.products.length) throw new Error(`page size differs on ${where}: drop-in ${dropIn.products.length}, native ${native.products.length}`)
      const ids = (body: any) => body.products.map((product: any) => product.id).join(",")
      if (query.ordered && ids(dropIn) !== ids(native)) throw new Error(`ids or their order differ on ${where}:\n drop-in ${ids(dropIn)}\n native  ${ids(native)}`)
      // Same products, same handler: prices and stock must match product by product.
      if (query.ordered && JSON.stringify(dropIn.products) !== JSON.stringify(native.products)) throw new Error(`products differ on ${where}`)
      return { count: native.count, same_ids: ids(dropIn) === ids(native) }
    }

    // One unmeasured round warms connections, caches and JIT, and checks every query once.
    const mix: { kind: string; params: Record<string, string>; ordered: boolean; count: number; same_ids_on_warm_up: boolean }[] = []
    for (const query of queries) {
      const answers = { "drop-in": await call("drop-in", query), native: await call("native", query) }
      const checked = check(query, answers)
      mix.push({ ...query, count: checked.count, same_ids_on_warm_up: checked.same_ids })
      log(`warm-up ${query.kind} ${JSON.stringify(query.params)}: ${checked.count} products, drop-in ${Math.round(answers["drop-in"].ms)} ms / native ${Math.round(answers.native.ms)} ms`)
    }

    const names = Object.keys(ROUTES) as RouteName[]
    const samples: Record<RouteName, number[]> = { "drop-in": [], native: [] }
    const byKind: Record<string, Record<RouteName, number[]>> = {}
    started = performance.now()
    for (let pass = 0; pass < ROUNDS; pass++) {
      for (const [q, query] of queries.entries()) {
        const answers = {} as Record<RouteName, { ms: number; body: any }>
        // Alternate which route goes first, so neither always meets the colder cache.
        for (let k = 0; k < names.length; k++) {
          const name = names[(pass + q + k) % names.length]
          answers[name] = await call(name, query)
        }
        check(query, answers)
        for (const name of names) {
          samples[name].push(answers[name].ms)
          ;((byKind[query.kind] ??= { "drop-in": [], native: [] })[name]).push(answers[name].ms)
        }
      }
    }
    const measureSeconds = round((performance.now() - started) / 1000)
    log(`${ROUNDS} rounds of ${queries.length} queries × 2 routes in ${Math.round(measureSeconds)} s`)

    const figures = (route: RouteName, values: number[]): DropInFigures => ({
      route,
      queries: values.length,
      p50_ms: round(percentile(values, 50)),
      p95_ms: round(percentile(values, 95)),
      mean_ms: round(values.reduce((sum, ms) => sum + ms, 0) / values.length),
    })
    const ratio = (a: DropInFigures, b: DropInFigures) => ({ p50: round(a.p50_ms / b.p50_ms), p95: round(a.p95_ms / b.p95_ms), mean: round(a.mean_ms / b.mean_ms) })
    const overall = names.map((name) => figures(name, samples[name]))
    reportResult({
      engine,
      products: catalogue.products,
      variants: catalogue.variants,
      rounds: ROUNDS,
      boot_seconds: bootSeconds,
      create_seconds: createSeconds,
      reindex_seconds: reindexSeconds,
      measure_seconds: measureSeconds,
      query_mix: mix,
      overall,
      overall_ratio: ratio(overall[0], overall[1]),
      by_kind: Object.entries(byKind).map(([kind, values]) => {
        const [dropIn, native] = names.map((name) => figures(name, values[name]))
        return { kind, queries: dropIn.queries, drop_in: dropIn, native, ratio: ratio(dropIn, native) }
      }),
    })
  } finally {
    await store.shutdown()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
