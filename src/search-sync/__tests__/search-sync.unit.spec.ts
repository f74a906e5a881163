import { idsOf } from "../affected-products"
import { commerceBridgeSearchModule } from "../module-config"
import { resolveSearchSyncOptions } from "../options"
import { isOlder } from "../reconcile"

describe("idsOf", () => {
  it("reads one id, a list of ids, or ids, and drops what is not an id", () => {
    expect(idsOf({ id: "prod_1" })).toEqual(["prod_1"])
    expect(idsOf({ id: ["prod_1", "prod_2"] })).toEqual(["prod_1", "prod_2"])
    expect(idsOf({ ids: ["prod_3", "", 4] })).toEqual(["prod_3"])
    expect(idsOf({})).toEqual([])
  })
})

describe("isOlder", () => {
  it("compares ISO strings and epoch milliseconds with the product's date", () => {
    const product = new Date("2026-11-22T10:00:00.000Z")
    expect(isOlder("2026-11-22T09:59:59.999Z", product)).toBe(true)
    expect(isOlder(product.getTime(), product)).toBe(false)
    expect(isOlder("2026-11-22T10:00:01.000Z", product.toISOString())).toBe(false)
    expect(isOlder(null, product)).toBe(true)
  })
})

describe("commerceBridgeSearchModule", () => {
  it("keeps PostgreSQL as the default engine with nothing else registered", () => {
    expect(commerceBridgeSearchModule()).toEqual({
      resolve: "@medusajs/medusa/search",
      options: { providers: [{ resolve: "@commerce-bridge/medusa/providers/search-postgres", id: "postgres", options: {} }], default_provider: "search-postgres" },
    })
  })

  it("registers a configured engine beside PostgreSQL and makes the chosen one the default", () => {
    const config = commerceBridgeSearchModule({ engine: "meilisearch", providersFrom: "./src", meilisearch: { host: "http://127.0.0.1:7700", apiKey: "key" } })
    expect(config.options.default_provider).toBe("commerce-bridge-meilisearch")
    expect(config.options.providers).toEqual([
      expect.objectContaining({ id: "postgres" }),
      { resolve: "./src/providers/search-meilisearch", id: "meilisearch", options: { host: "http://127.0.0.1:7700", apiKey: "key" } },
    ])
  })

  it.each([
    [{ engine: "elastic" }, 'SEARCH_PROVIDER is "elastic"; use one of postgres, meilisearch, opensearch'],
    [{ engine: "meilisearch" }, "no Meilisearch host is set (MEILISEARCH_HOST"],
    [{ engine: "opensearch" }, "no OpenSearch node is set (OPENSEARCH_NODE"],
  ])("refuses to start with %j, naming what is missing", (options, message) => {
    expect(() => commerceBridgeSearchModule(options)).toThrow(message)
  })
})

describe("resolveSearchSyncOptions", () => {
  it("retries a write 8 times from 2 s by default", () => {
    expect(resolveSearchSyncOptions()).toEqual({ attempts: 8, backoffMs: 2000, concurrency: 4, batchSize: 200 })
  })

  it("names a bad option", () => {
    expect(() => resolveSearchSyncOptions({ attempts: 0 })).toThrow("search.attempts must be a positive integer")
    expect(() => resolveSearchSyncOptions({ backoffMs: -1 })).toThrow("search.backoffMs must not be negative")
  })
})
